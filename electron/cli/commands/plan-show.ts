import { AppError } from '../../../shared/api/envelope.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { describeRule } from '../../../shared/framework/describe.ts';
import { call } from '../call.ts';
import type { CliCommand } from '../command.ts';
import { runPlanAuthor } from './plan-author.ts';

export const planCommand: CliCommand = {
  name: 'plan',
  async run(args, backend, io) {
    const [sub, planId] = args.positionals;
    const authored = await runPlanAuthor(sub, planId, args, backend, io);
    if (authored !== null) return authored;
    if (sub !== 'show' || !planId) {
      io.err(MESSAGES.cli.missingSubcommand('plan', ['show', 'new', 'edit', 'local', 'import', 'export']));
      return 2;
    }
    const { framework, retired } = await call(backend, 'plans:get-framework', { planId }).catch(
      async (error: unknown) => {
        if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
        const ids = (await call(backend, 'plans:list', {})).map((p) => p.plan.id);
        throw new AppError('not_found', MESSAGES.cli.unknownPlan(planId, ids));
      },
    );
    if (args.flags.json) {
      io.out(JSON.stringify({ framework, retired }, null, 2));
      return 0;
    }
    const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
    io.out(MESSAGES.cli.planTitle(framework.plan.name, framework.version, framework.plan.region.fullName));
    for (const area of framework.areas) {
      io.out(`\n${MESSAGES.areaTitles[area.area]}`);
      for (const target of area.targets) {
        const indicator = indicators.get(target.indicator)!;
        const where = `${target.source.section}${target.source.item}`;
        io.out(
          `  ${target.indicator}\t${indicator.name}\t${target.text}\t${describeRule(target.rule, indicator)}\t${where}`,
        );
      }
    }
    return 0;
  },
};
