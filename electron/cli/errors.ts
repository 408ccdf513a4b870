// Errors said of the argument that caused them: a contract refusal (zod issues with the field's path) is mapped
// back to the flag that fed the field, never the channel's name.
import type { z } from 'zod';
import { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';

/** Contract fields → the flag the CLI fills them from (by the field's last named segment). */
const FLAG_OF_FIELD: Record<string, string> = {
  regionCode: '--region',
  year: '--year',
  planId: '--plan',
  fromYear: '--from',
  toYear: '--to',
  format: '--format',
  kind: '--kind',
  deadline: '--deadline',
  withChildren: '--with-children',
  id: '--id',
  copyFrom: '--copy',
  name: '--name',
  start: '--period',
  end: '--period',
  baselineYear: '--base-year',
  targetId: '--target',
  indicator: '--indicator',
  text: '--text',
  quote: '--quote',
  section: '--section',
  item: '--item',
  value: '--value',
  strict: '--strict',
  tolerance: '--tolerance',
  stableTolerance: '--tolerance',
  sides: '--sides',
  min: '--min',
  max: '--max',
  low: '--low',
  high: '--high',
  direction: '--direction',
  sample: '--sample',
  remove: '--remove',
  acceptWarnings: '--yes',
};

function flagOfPath(path: string): string | null {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  for (let i = segments.length - 1; i >= 0; i--)
    if (Object.hasOwn(FLAG_OF_FIELD, segments[i])) return FLAG_OF_FIELD[segments[i]];
  return null;
}

const FORM = MESSAGES.cli.form;
/** What the flag takes, for a zod message that is not in Chinese (zod's own defaults are English). */
const FORM_OF_FLAG: Record<string, string> = {
  '--region': FORM.region,
  '--year': FORM.year,
  '--from': FORM.year,
  '--to': FORM.year,
  '--base-year': FORM.year,
  '--deadline': FORM.date,
  '--period': FORM.period,
  '--value': FORM.number,
  '--tolerance': FORM.number,
  '--min': FORM.number,
  '--max': FORM.number,
  '--low': FORM.number,
  '--high': FORM.number,
  '--item': FORM.number,
  '--sample': FORM.number,
};
const chinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const why = (flag: string | null, message: string) =>
  chinese(message)
    ? message
    : flag && FORM_OF_FLAG[flag]
      ? MESSAGES.cli.shouldBe(FORM_OF_FLAG[flag])
      : MESSAGES.cli.notAccepted;

/** A zod issue in Chinese: its own message when the schema gave one, else said from the issue's kind. */
function issueText(issue: z.core.$ZodIssue): string {
  if (chinese(issue.message)) return issue.message;
  const L = MESSAGES.cli.limit;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? L.minChars(Number(issue.minimum))
        : issue.origin === 'array'
          ? L.minItems(Number(issue.minimum))
          : issue.inclusive === false
            ? L.above(Number(issue.minimum))
            : L.min(Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'string'
        ? L.maxChars(Number(issue.maximum))
        : issue.origin === 'array'
          ? L.maxItems(Number(issue.maximum))
          : issue.inclusive === false
            ? L.below(Number(issue.maximum))
            : L.max(Number(issue.maximum));
    case 'invalid_value':
      return MESSAGES.cli.shouldBe(MESSAGES.cli.form.oneOf(issue.values.map(String)));
    default:
      return issue.message;
  }
}

/** A union's refusal, said by the branch that came nearest (fewest issues), with the full path of each. */
function leafIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): { path: string; issue: z.core.$ZodIssue }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const nearest = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      if (nearest.length > 0) return leafIssues(nearest, path);
    }
    return [{ path: path.map(String).join('.'), issue }];
  });
}

/** The contract refused the input the CLI built from the flags (no channel name in it: the message is per flag). */
export class ContractRefusal extends AppError {
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const details = leafIssues(issues).map(({ path, issue }) => ({ path, message: issueText(issue) }));
    super('invalid_request', explainInvalidRequest({ message: MESSAGES.cli.notAccepted, details }), details);
  }
}

/** An invalid_request refusal, one line per field, each naming its flag. */
export function explainInvalidRequest(error: Pick<AppError, 'message' | 'details'>): string {
  const details = (error.details ?? []) as { path: string; message: string }[];
  if (details.length === 0) return MESSAGES.cli.badRequest(error.message);
  return details
    .map((d) => {
      const flag = flagOfPath(d.path);
      return flag ? MESSAGES.cli.badField(flag, why(flag, d.message)) : MESSAGES.cli.badRequest(why(null, d.message));
    })
    .join('\n');
}
