// A checksum of a return's values, written into the exported file's metadata. On import it tells whether the
// values were changed outside the app after export. Covers the identity and every value, note and 无数据 mark, and a
// merged return's pooled ratios.
import { createHash } from 'node:crypto';
import type { ReturnData } from '../../shared/returns/schema.ts';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The canonical text the checksum is taken over: one line per fact, sorted, blank cells left out. */
function canonicalValues(data: ReturnData): string {
  const lines: string[] = [
    `plan=${data.planId}`,
    `version=${data.frameworkVersion}`,
    `region=${data.regionCode}`,
    `level=${data.level}`,
    `year=${data.year}`,
  ];
  const cells = data.cells
    .filter((c) => c.value !== null || c.noData !== null)
    .map(
      (c) =>
        `cell:${c.item}.${c.sex}=${c.value === null ? '' : String(c.value)}|${c.noData ? `nodata:${c.noData.reason}` : ''}`,
    );
  const qualitative = data.qualitative
    .filter((q) => q.choice !== null || q.note !== '')
    .map((q) => `qual:${q.indicator}=${q.choice ?? ''}|${q.note}`);
  const thresholds = Object.entries(data.externalThresholds).map(([id, v]) => `threshold:${id}=${String(v)}`);
  // a merged return's pooled ratios (absent elsewhere, so other returns keep their checksum)
  const pooled = Object.entries(data.pooledRatios ?? {}).map(
    ([code, p]) =>
      `pooled:${code}=${p.numeratorCell}/${p.denominatorCell}|${p.numerator ?? ''}/${p.denominator ?? ''}|${p.units}/${p.of}|${p.unitLevel}|${p.missingIn.map((m) => `${m.code} ${m.name}`).join(',')}`,
  );
  return [...lines, ...[...cells, ...qualitative, ...thresholds, ...pooled].sort(cmp)].join('\n');
}

/** SHA-256 (hex) of the canonical values. */
export function returnChecksum(data: ReturnData): string {
  return createHash('sha256').update(canonicalValues(data), 'utf8').digest('hex');
}
