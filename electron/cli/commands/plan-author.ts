// wdp plan new | edit | export: 规划管理 from the command line, through the same contract as the UI.
import type { TargetInput } from '../../../shared/framework/author.ts';
import { AREA_LETTER, type AreaCode, type TargetRule } from '../../../shared/framework/schema.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import { call } from '../call.ts';
import { flagString, UsageError, type CliIo, type ParsedArgs } from '../command.ts';
import type { AppBackend } from '../../backend/open-app.ts';
import { printReport, readInputFile, writeOutputFile } from './excel-io.ts';

const C = MESSAGES.cli;

const num = (args: ParsedArgs, flag: string): number | undefined => {
  const v = flagString(args, flag);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new UsageError(C.badValue(`--${flag}`, v, C.form.number));
  return n;
};

async function planNew(args: ParsedArgs, backend: AppBackend, io: CliIo): Promise<number> {
  const [id, regionCode, copyFrom, name, period] = ['id', 'region', 'copy', 'name', 'period'].map((f) =>
    flagString(args, f),
  );
  const baselineYear = num(args, 'base-year');
  const m = period?.match(/^(\d{4})\s*[-–—]\s*(\d{4})$/);
  // all required, the period's form checked, by the declaration (specs.ts)
  if (!id || !regionCode || !name || !m || baselineYear === undefined) throw new UsageError(C.missingFlag('--period'));
  // a copy or the bare catalogue, never both and never neither
  if ((copyFrom === undefined) === (args.flags['from-catalogue'] !== true)) throw new UsageError(C.planNewSource);
  const r = await call(backend, 'plans:new', {
    id,
    regionCode,
    ...(copyFrom ? { copyFrom } : {}),
    name,
    start: Number(m[1]),
    end: Number(m[2]),
    baselineYear,
  });
  io.out(args.flags.json ? JSON.stringify(r, null, 2) : r.message);
  return 0;
}

/** The rule from the flags, the existing target's rule filling what is not given. */
function ruleOf(args: ParsedArgs, base: TargetRule | undefined): TargetRule | undefined {
  const kind = flagString(args, 'kind') ?? base?.kind;
  const b = (base ?? {}) as Record<string, unknown>;
  const pick = (flag: string, key = flag) => num(args, flag) ?? (b[key] as number | undefined);
  const strict = args.flags.strict === true ? true : ((b.strict as boolean | undefined) ?? false);
  switch (kind) {
    case 'at_least':
    case 'at_most':
      return { kind, value: pick('value')!, strict };
    case 'about':
      return {
        kind,
        value: pick('value')!,
        tolerance: pick('tolerance')!,
        ...((flagString(args, 'sides') ?? b.sides) ? { sides: (flagString(args, 'sides') ?? b.sides) as 'both' } : {}),
      };
    case 'range':
      return { kind, min: pick('min')!, max: pick('max')!, minStrict: false, maxStrict: false };
    case 'balanced':
      return { kind, low: pick('low')!, high: pick('high')! };
    case 'trend':
      return {
        kind,
        direction: (flagString(args, 'direction') ?? b.direction ?? 'increase') as 'increase',
        basis: 'previous_year',
        years: 1,
        ...(num(args, 'tolerance') !== undefined ? { stableTolerance: num(args, 'tolerance') } : {}),
      };
    case 'qualitative':
      return { kind };
    default:
      return base;
  }
}

async function planEdit(planId: string, args: ParsedArgs, backend: AppBackend, io: CliIo): Promise<number> {
  const remove = flagString(args, 'remove');
  const sample = num(args, 'sample');
  if (remove) {
    const r = await call(backend, 'plans:set-target', { planId, target: { remove } });
    io.out(args.flags.json ? JSON.stringify(r, null, 2) : r.message);
    return 0;
  }
  const targetId = flagString(args, 'target');
  const { framework } = await call(backend, 'plans:get-framework', { planId });
  const base = targetId ? framework.areas.flatMap((a) => a.targets).find((t) => t.id === targetId) : undefined;
  const section = flagString(args, 'section') ?? base?.source.section;
  const target = {
    ...(targetId ? { targetId } : {}),
    indicator: flagString(args, 'indicator') ?? base?.indicator,
    text: flagString(args, 'text') ?? base?.text,
    rule: ruleOf(args, base?.rule),
    year: num(args, 'year') ?? base?.year,
    section,
    item: num(args, 'item') ?? base?.source.item,
    quote: flagString(args, 'quote') ?? base?.source.quote,
  };
  if (
    !target.indicator ||
    !target.text ||
    !target.rule ||
    !target.section ||
    target.item === undefined ||
    !target.quote
  ) {
    if (!targetId || base) {
      io.err(C.planEditNeeds);
      return 2;
    }
  }
  const r = await call(backend, 'plans:set-target', {
    planId,
    target: target as TargetInput,
    ...(sample !== undefined ? { sample } : {}),
  });
  if (args.flags.json) io.out(JSON.stringify(r, null, 2));
  else {
    io.out(`${r.targetId}\t${r.message}`);
    if (r.sample) io.out(r.sample.message);
  }
  return 0;
}

const AREA_OF: Record<string, AreaCode> = Object.fromEntries(
  Object.entries(AREA_LETTER).map(([area, letter]) => [letter, area as AreaCode]),
);

/** wdp plan local: a local rate (numerator / denominator), its new local data items named by flags. */
export async function planLocal(planId: string, args: ParsedArgs, backend: AppBackend, io: CliIo): Promise<number> {
  const code = flagString(args, 'code')!;
  const area = /^[HECPSFVL]\d{2}$/.test(code) ? AREA_OF[code[0]] : undefined;
  if (!area) throw new UsageError(C.planLocalArea(code));
  const unit = flagString(args, 'unit')!;
  const D = MESSAGES.planAuthor.ui.localDefaults;
  const department = flagString(args, 'department') ?? D.department;
  const itemUnit = flagString(args, 'item-unit') ?? D.itemUnit;
  const dataItems = (['numerator', 'denominator'] as const).flatMap((which) => {
    const name = flagString(args, `${which}-name`);
    return name
      ? [
          {
            code: flagString(args, which)!,
            name,
            unit: itemUnit,
            valueType: 'count' as const,
            sex: 'single' as const,
            decimals: 0,
            level: 'township' as const,
            aggregation: 'sum' as const,
            department,
          },
        ]
      : [];
  });
  const indicator = {
    kind: 'ratio' as const,
    code,
    area,
    name: flagString(args, 'name')!,
    unit: unit as '%',
    decimals: 1,
    numerator: { item: flagString(args, 'numerator')!, sex: 'total' as const },
    denominator: { item: flagString(args, 'denominator')!, sex: 'total' as const },
    judgeLevel: 'township' as const,
    department,
    note: flagString(args, 'definition')!,
  };
  const r = await call(backend, 'plans:declare-local', { planId, indicator, dataItems });
  io.out(args.flags.json ? JSON.stringify(r, null, 2) : r.message);
  return 0;
}

/** wdp plan import: a signed framework package; --repin <new fingerprint> --reason re-pins the maker's key deliberately. */
export async function planImport(path: string, args: ParsedArgs, backend: AppBackend, io: CliIo): Promise<number> {
  const repin = flagString(args, 'repin');
  const reason = flagString(args, 'reason');
  if (repin !== undefined && !reason) throw new UsageError(C.repinNeedsReason);
  const input = readInputFile(path);
  if ('report' in input) {
    printReport(input.report, io);
    return 2;
  }
  const r = await call(backend, 'plans:import-package', {
    ...input,
    ...(repin !== undefined ? { repin: { fingerprint: repin, reason: reason! } } : {}),
  });
  if (args.flags.json) {
    io.out(JSON.stringify(r, null, 2));
    return 0;
  }
  io.out(MESSAGES.frameworkPackage.imported(r.version));
  if (r.pinned) io.out(MESSAGES.frameworkPackage.pinnedNow(r.pinned.regionName, r.pinned.fingerprint));
  if (r.repinned) io.out(r.repinned.message);
  return 0;
}

async function planExport(planId: string, args: ParsedArgs, backend: AppBackend, io: CliIo): Promise<number> {
  const output = flagString(args, 'output')!;
  const pkg = await call(backend, 'plans:export-package', { planId });
  if (!writeOutputFile(output, pkg.bytesBase64, io)) return 2;
  const keys = await call(backend, 'plans:signing-info', { planId });
  if (keys.own) io.out(MESSAGES.frameworkPackage.ownKey(keys.own));
  return 0;
}

export const runPlanAuthor = async (
  sub: string,
  planId: string | undefined,
  args: ParsedArgs,
  backend: AppBackend,
  io: CliIo,
): Promise<number | null> => {
  try {
    if (sub === 'new') return await planNew(args, backend, io);
    if (sub === 'edit' && planId) return await planEdit(planId, args, backend, io);
    if (sub === 'import' && planId) return await planImport(planId, args, backend, io);
    if (sub === 'local' && planId) return await planLocal(planId, args, backend, io);
    if (sub === 'export' && planId) return await planExport(planId, args, backend, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  return null;
};
