// The target editor's form state (text as typed) and the TargetInput it stands for, when it is complete.
import type { TargetInput } from '../../shared/api/plans-contract.ts';
import type { Indicator, SourceRef, Target, TargetRule } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';

export type RuleKind = TargetRule['kind'];

export interface TargetDraft {
  targetId?: string;
  indicator: string;
  text: string;
  kind: RuleKind;
  value: string;
  strict: boolean;
  tolerance: string;
  sides: 'both' | 'at_least' | 'at_most';
  min: string;
  max: string;
  minStrict: boolean;
  maxStrict: boolean;
  low: string;
  high: string;
  toward: boolean;
  direction: 'increase' | 'decrease' | 'stable' | 'slowing_increase';
  basis: 'previous_year' | 'baseline';
  years: string;
  stableTolerance: string;
  year: string;
  section: SourceRef['section'];
  item: string;
  quote: string;
  /** a rule the editor cannot build (relative, external): kept as it is unless the kind changes */
  kept?: TargetRule;
}

const s = (n: number | undefined) => (n === undefined ? '' : String(n));

export function blankDraft(indicator: string): TargetDraft {
  return {
    indicator,
    text: '',
    kind: 'at_least',
    value: '',
    strict: false,
    tolerance: '',
    sides: 'both',
    min: '',
    max: '',
    minStrict: false,
    maxStrict: false,
    low: '',
    high: '',
    toward: false,
    direction: 'increase',
    basis: 'previous_year',
    years: '1',
    stableTolerance: '',
    year: '',
    section: MESSAGES.planAuthor.ui.sections[0],
    item: '1',
    quote: '',
  };
}

export function draftOf(target: Target): TargetDraft {
  const d: TargetDraft = {
    ...blankDraft(target.indicator),
    targetId: target.id,
    text: target.text,
    kind: target.rule.kind,
    year: s(target.year),
    section: target.source.section,
    item: String(target.source.item),
    quote: target.source.quote,
  };
  const r = target.rule;
  switch (r.kind) {
    case 'at_least':
    case 'at_most':
      return { ...d, value: s(r.value), strict: r.strict };
    case 'about':
      return { ...d, value: s(r.value), tolerance: s(r.tolerance), sides: r.sides ?? 'both' };
    case 'range':
      return { ...d, min: s(r.min), max: s(r.max), minStrict: r.minStrict, maxStrict: r.maxStrict };
    case 'balanced':
      return { ...d, low: s(r.low), high: s(r.high), toward: r.toward ?? false };
    case 'trend':
      return { ...d, direction: r.direction, basis: r.basis, years: s(r.years), stableTolerance: s(r.stableTolerance) };
    case 'relative':
    case 'external':
      return { ...d, kept: r };
    default:
      return d;
  }
}

/** The kinds of rule an indicator can have: a qualitative indicator only a qualitative one. */
export function kindsFor(indicator: Indicator | undefined, draft: TargetDraft): RuleKind[] {
  if (indicator?.kind === 'qualitative') return ['qualitative'];
  const kinds: RuleKind[] = ['at_least', 'at_most', 'about', 'range', 'trend', 'balanced'];
  return draft.kept ? [...kinds, draft.kept.kind] : kinds;
}

/** A number as typed, or undefined when the box is empty or holds no number. */
const num = (text: string): number | undefined => {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

/** The rule the draft states, or null while a number it needs is missing or not a number. */
export function ruleOf(d: TargetDraft): TargetRule | null {
  const need = (...texts: string[]) => texts.map(num);
  switch (d.kind) {
    case 'at_least':
    case 'at_most': {
      const [v] = need(d.value);
      return v === undefined ? null : { kind: d.kind, value: v, strict: d.strict };
    }
    case 'about': {
      const [v, t] = need(d.value, d.tolerance);
      return v === undefined || t === undefined || t <= 0
        ? null
        : { kind: 'about', value: v, tolerance: t, ...(d.sides === 'both' ? {} : { sides: d.sides }) };
    }
    case 'range': {
      const [a, b] = need(d.min, d.max);
      return a === undefined || b === undefined
        ? null
        : { kind: 'range', min: a, max: b, minStrict: d.minStrict, maxStrict: d.maxStrict };
    }
    case 'balanced': {
      const [a, b] = need(d.low, d.high);
      return a === undefined || b === undefined
        ? null
        : { kind: 'balanced', low: a, high: b, ...(d.toward ? { toward: true } : {}) };
    }
    case 'trend': {
      const years = num(d.years);
      if (years === undefined || !Number.isInteger(years) || years < 1 || years > 10) return null;
      const margin = d.direction === 'stable' ? num(d.stableTolerance) : undefined;
      if (d.direction === 'stable' && d.stableTolerance.trim() !== '' && (margin === undefined || margin < 0))
        return null;
      return {
        kind: 'trend',
        direction: d.direction,
        basis: d.basis,
        years,
        ...(margin !== undefined ? { stableTolerance: margin } : {}),
      };
    }
    case 'qualitative':
      return { kind: 'qualitative' };
    default:
      return d.kept && d.kept.kind === d.kind ? d.kept : null;
  }
}

/** The target the draft states, or null while it is incomplete (the save button waits). */
export function inputOf(d: TargetDraft): TargetInput | null {
  const rule = ruleOf(d);
  const item = num(d.item);
  const year = num(d.year);
  if (
    !rule ||
    !d.indicator ||
    !d.text.trim() ||
    d.quote.trim().length < 4 ||
    item === undefined ||
    !Number.isInteger(item) ||
    item < 1
  )
    return null;
  if (d.year.trim() !== '' && (year === undefined || !Number.isInteger(year))) return null;
  return {
    ...(d.targetId ? { targetId: d.targetId } : {}),
    indicator: d.indicator,
    text: d.text.trim(),
    rule,
    ...(year !== undefined ? { year } : {}),
    section: d.section,
    item,
    quote: d.quote.trim(),
  };
}

/** What the sample box asks the engine about: the draft's rule, before its sentence is written. */
export function previewInputOf(d: TargetDraft): TargetInput | null {
  const quote = d.quote.trim().length >= 4 ? d.quote : d.indicator.padEnd(4, '.');
  return inputOf({ ...d, text: d.text.trim() || d.indicator, quote, item: d.item.trim() === '' ? '1' : d.item });
}
