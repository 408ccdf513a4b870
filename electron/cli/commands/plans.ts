import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import type { CliCommand } from '../command.ts';

export const plansCommand: CliCommand = {
  name: 'plans',
  async run(args, backend, io) {
    const plans = await call(backend, 'plans:list', {});
    if (args.flags.json) {
      io.out(JSON.stringify(plans, null, 2));
      return 0;
    }
    io.out(MESSAGES.cli.planHeader);
    for (const p of plans) {
      io.out(
        [
          p.plan.id,
          `v${p.version}`,
          p.targets,
          MESSAGES.cli.planName(p.plan.name, p.plan.status === '征求意见稿'),
          p.plan.region.fullName,
          `${p.plan.period.start}–${p.plan.period.end}`,
        ].join('\t'),
      );
    }
    return 0;
  },
};
