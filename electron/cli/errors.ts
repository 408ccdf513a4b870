// Errors said of the argument that caused them: a contract refusal (zod issues with the field's path) is mapped
// back to the flag that fed the field, never the channel's name.
import type { AppError } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';

export { describeFileError, fsReason } from '../fs-error.ts';

/** Contract fields → the flag the CLI fills them from (by the field's last named segment). */
const FLAG_OF_FIELD: Record<string, string> = {
  regionCode: '--region', year: '--year', planId: '--plan', fromYear: '--from', toYear: '--to', format: '--format', kind: '--kind',
  deadline: '--deadline', withChildren: '--with-children', id: '--id', copyFrom: '--copy', name: '--name', start: '--period', end: '--period',
  baselineYear: '--base-year', targetId: '--target', indicator: '--indicator', text: '--text', quote: '--quote', section: '--section', item: '--item',
  value: '--value', strict: '--strict', tolerance: '--tolerance', stableTolerance: '--tolerance', sides: '--sides', min: '--min', max: '--max',
  low: '--low', high: '--high', direction: '--direction', sample: '--sample', remove: '--remove', acceptWarnings: '--yes',
};

export function flagOfPath(path: string): string | null {
  const segments = path.split('.').filter((s) => !/^\d+$/.test(s));
  for (let i = segments.length - 1; i >= 0; i--) if (Object.hasOwn(FLAG_OF_FIELD, segments[i])) return FLAG_OF_FIELD[segments[i]];
  return null;
}

const FORM = MESSAGES.cli.form;
/** What the flag takes, for a zod message that is not in Chinese (zod's own defaults are English). */
const FORM_OF_FLAG: Record<string, string> = {
  '--region': FORM.region, '--year': FORM.year, '--from': FORM.year, '--to': FORM.year, '--base-year': FORM.year,
  '--deadline': FORM.date, '--period': FORM.period, '--value': FORM.number, '--tolerance': FORM.number, '--min': FORM.number,
  '--max': FORM.number, '--low': FORM.number, '--high': FORM.number, '--item': FORM.number, '--sample': FORM.number,
};
const chinese = (text: string) => /[\u4e00-\u9fff]/.test(text);
const why = (flag: string | null, message: string) =>
  chinese(message) ? message : flag && FORM_OF_FLAG[flag] ? MESSAGES.cli.shouldBe(FORM_OF_FLAG[flag]) : MESSAGES.cli.notAccepted;

/** An invalid_request refusal, one line per field, each naming its flag. */
export function explainInvalidRequest(error: AppError): string {
  const details = (error.details ?? []) as { path: string; message: string }[];
  if (details.length === 0) return MESSAGES.cli.badRequest(error.message);
  return details.map((d) => {
    const flag = flagOfPath(d.path);
    return flag ? MESSAGES.cli.badField(flag, why(flag, d.message)) : MESSAGES.cli.badRequest(why(null, d.message));
  }).join('\n');
}
