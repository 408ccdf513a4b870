// Small inline SVG charts for the report: vector, offline, crisp in print. Pure string builders.
import type { TargetStatus } from '../rules/result.ts';
import { formatFixed, unitSuffix } from '../rules/format.ts';
import { MESSAGES } from '../messages.ts';
import { esc } from './html.ts';
import type { BarChartModel, Counts, TrendChartModel } from './model.ts';

export const STATUS_COLOURS: Record<string, string> = {
  met: '#2e7d4f',
  basically_met: '#7cb342',
  not_met: '#c62828',
  in_progress: '#d08700',
  no_data: '#9aa5b1',
  reference: '#7b8794',
  not_applicable: '#c3c9d0',
  /** a 预警 flag */
  alert: '#d08700',
};
const GOAL = '#b4235a';
/** the 序时进度 line (base → target) */
const PROGRESS = '#6b7280';
const AXIS = '#777';
const GRID = '#e1e4e8';

const n = (x: number) => (Math.round(x * 10) / 10).toString();

/** About `count` round tick values covering [lo, hi]. */
function niceTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) {
    hi = lo + 1;
  }
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 0.5; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

const label = (v: number, decimals: number) => formatFixed(v, decimals);
/** Decimals the tick step needs: 2.5 → 1, 0.25 → 2, 5 → 0. */
const tickDecimals = (ticks: number[]) => {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  for (let d = 0; d < 4; d++) if (Math.abs(step * 10 ** d - Math.round(step * 10 ** d)) < 1e-6) return d;
  return 4;
};
/** White outline under a label, so it stays legible over lines and bars. */
const HALO = 'paint-order="stroke" stroke="#fff" stroke-width="2.4" stroke-linejoin="round"';

/**
 * One indicator over the years, with its target line or band; for the evaluation report also the 序时进度
 * line (base → target) and the projection to the target year (a hollow point).
 */
export function trendChartSvg(chart: TrendChartModel): string {
  const W = 320,
    H = 176,
    L = 36,
    R = 14,
    T = 38,
    B = 22;
  const line = chart.progressLine ?? null;
  const projection = chart.projection ?? null;
  const values = [
    ...chart.points.map((p) => p.value).filter((v): v is number => v !== null),
    ...(line ? [line.from.value, line.to.value] : []),
    ...(projection ? [projection.value] : []),
  ];
  const goalValues = [chart.goal?.low, chart.goal?.high].filter((v): v is number => typeof v === 'number');
  let lo = Math.min(...values, ...goalValues);
  let hi = Math.max(...values, ...goalValues);
  const pad = (hi - lo) * 0.15 || Math.max(1, Math.abs(hi) * 0.1);
  lo = Math.max(chart.unit === '%' || chart.unit === '‰' || chart.unit === '1/10万' ? 0 : -Infinity, lo - pad);
  hi = hi + pad;
  const ticks = niceTicks(lo, hi, 4);
  const y0 = ticks[0],
    y1 = ticks[ticks.length - 1];
  const y = (v: number) => T + (H - T - B) * (1 - (v - y0) / (y1 - y0 || 1));
  const count = chart.points.length;
  const x = (i: number) => L + 12 + (W - L - R - 24) * (count === 1 ? 0.5 : i / (count - 1));
  /** x of a year: its point's position, interpolated between points when the years skip */
  const xYear = (year: number) => {
    const years = chart.points.map((p) => p.year);
    const j = years.findIndex((yy) => yy >= year);
    if (j < 0) return x(count - 1);
    if (j === 0 || years[j] === year) return x(j);
    return x(j - 1) + ((x(j) - x(j - 1)) * (year - years[j - 1])) / (years[j] - years[j - 1]);
  };
  const lastIndex = chart.points.reduce((last, p, i) => (p.value !== null ? i : last), -1);
  const parts: string[] = [];
  parts.push(
    `<text x="0" y="12" class="t" font-size="11" font-weight="700">${esc(chart.title)}<tspan font-size="9" font-weight="400" fill="#555">（${esc(unitSuffix(chart.unit))}）</tspan></text>`,
  );
  for (const t of ticks) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}" stroke-width="0.6"/>`);
    parts.push(
      `<text x="${L - 4}" y="${n(y(t) + 3)}" font-size="8" fill="${AXIS}" text-anchor="end">${esc(label(t, tickDecimals(ticks)))}</text>`,
    );
  }
  const goal = chart.goal;
  if (goal) {
    if (goal.low !== null && goal.high !== null) {
      parts.push(
        `<rect x="${L}" y="${n(y(goal.high))}" width="${W - L - R}" height="${n(Math.max(1, y(goal.low) - y(goal.high)))}" fill="${GOAL}" fill-opacity="0.10"/>`,
      );
    }
    for (const g of [goal.low, goal.high]) {
      if (g === null) continue;
      parts.push(
        `<line x1="${L}" x2="${W - R}" y1="${n(y(g))}" y2="${n(y(g))}" stroke="${GOAL}" stroke-width="1" stroke-dasharray="4 3"/>`,
      );
    }
    parts.push(`<line x1="0" x2="14" y1="22" y2="22" stroke="${GOAL}" stroke-width="1" stroke-dasharray="4 3"/>`);
    parts.push(
      `<text x="18" y="25" font-size="8.5" fill="${GOAL}">${esc(MESSAGES.report.annual.chartTarget(goalText(goal, chart.unit)))}</text>`,
    );
  }
  if (line) {
    parts.push(
      `<line x1="${n(xYear(line.from.year))}" x2="${n(xYear(line.to.year))}" y1="${n(y(line.from.value))}" y2="${n(y(line.to.value))}" stroke="${PROGRESS}" stroke-width="1.1"/>`,
    );
    parts.push(`<line x1="${W - R - 76}" x2="${W - R - 62}" y1="22" y2="22" stroke="${PROGRESS}" stroke-width="1.1"/>`);
    parts.push(
      `<text x="${W - R - 58}" y="25" font-size="8.5" fill="${PROGRESS}">${esc(MESSAGES.report.evaluation.chart.progress)}</text>`,
    );
  }
  let path = '';
  chart.points.forEach((p, i) => {
    if (p.value === null) return;
    path += `${path && chart.points[i - 1]?.value !== null ? 'L' : 'M'}${n(x(i))} ${n(y(p.value))}`;
  });
  parts.push(`<path d="${path}" fill="none" stroke="#1f4e99" stroke-width="1.6"/>`);
  if (projection && lastIndex >= 0) {
    const from = chart.points[lastIndex];
    const colour = projection.meets ? STATUS_COLOURS.met : STATUS_COLOURS.not_met;
    const px = xYear(projection.year);
    parts.push(
      `<line x1="${n(x(lastIndex))}" x2="${n(px)}" y1="${n(y(from.value!))}" y2="${n(y(projection.value))}" stroke="${colour}" stroke-width="1" stroke-dasharray="1.5 2"/>`,
    );
    parts.push(
      `<circle cx="${n(px)}" cy="${n(y(projection.value))}" r="3" fill="#fff" stroke="${colour}" stroke-width="1.3"/>`,
    );
    parts.push(
      `<text x="${n(px - 4)}" y="${n(y(projection.value) + 13)}" font-size="8" text-anchor="end" fill="${colour}" ${HALO}>${esc(MESSAGES.report.evaluation.chart.projection(projection.year))} ${esc(label(projection.value, chart.decimals))}</text>`,
    );
  }
  // many years: label every other year, counted back from the last, so the labels do not touch
  const every = count > 8 ? 2 : 1;
  chart.points.forEach((p, i) => {
    if ((count - 1 - i) % every === 0)
      parts.push(
        `<text x="${n(x(i))}" y="${H - 6}" font-size="8.5" fill="${AXIS}" text-anchor="middle">${p.year}</text>`,
      );
    if (p.value === null) return;
    const last = i === lastIndex;
    const colour = last ? (STATUS_COLOURS[chart.status] ?? '#1f4e99') : '#1f4e99';
    parts.push(`<circle cx="${n(x(i))}" cy="${n(y(p.value))}" r="${last ? 3.2 : 2.4}" fill="${colour}"/>`);
    parts.push(
      `<text x="${n(x(i))}" y="${n(y(p.value) - 6)}" font-size="8.5" text-anchor="middle" fill="#111" ${HALO}>${esc(label(p.value, chart.decimals))}</text>`,
    );
  });
  return svg(W, H, `${chart.title}历年变化`, parts);
}

function goalText(goal: NonNullable<TrendChartModel['goal']>, unit: string): string {
  const u = unitSuffix(unit);
  const f = (v: number) => `${+v.toFixed(4)}${u}`;
  if (goal.low !== null && goal.high !== null) return `${f(goal.low)}～${f(goal.high)}`;
  return goal.low !== null ? `≥${f(goal.low)}` : `≤${f(goal.high!)}`;
}

/** Townships side by side: one horizontal bar each, coloured by the engine's status, with the target line. */
export function barChartSvg(chart: BarChartModel): string {
  const rowH = 15,
    W = 640,
    L = 92,
    R = 60,
    T = 30,
    B = 8;
  const H = T + B + rowH * chart.bars.length;
  const values = chart.bars.map((b) => b.value).filter((v): v is number => v !== null);
  const goalValues = [chart.goal?.low, chart.goal?.high].filter((v): v is number => typeof v === 'number');
  const max = Math.max(...values, ...goalValues, 0) * 1.08 || 1;
  const ticks = niceTicks(0, max, 5);
  const top = ticks[ticks.length - 1];
  const x = (v: number) => L + (W - L - R) * (v / top);
  const parts: string[] = [];
  parts.push(
    `<text x="0" y="12" font-size="11" font-weight="700">${esc(chart.title)}<tspan font-size="9" font-weight="400" fill="#555">（${esc(unitSuffix(chart.unit))}）</tspan></text>`,
  );
  for (const t of ticks) {
    parts.push(
      `<line x1="${n(x(t))}" x2="${n(x(t))}" y1="${T - 4}" y2="${H - B}" stroke="${GRID}" stroke-width="0.6"/>`,
    );
    parts.push(`<text x="${n(x(t))}" y="${T - 7}" font-size="8" fill="${AXIS}" text-anchor="middle">${t}</text>`);
  }
  chart.bars.forEach((b, i) => {
    const yy = T + i * rowH;
    parts.push(`<text x="${L - 6}" y="${yy + rowH * 0.68}" font-size="9" text-anchor="end">${esc(b.label)}</text>`);
    if (b.value === null) {
      parts.push(
        `<text x="${L + 4}" y="${yy + rowH * 0.68}" font-size="8.5" fill="${AXIS}">${esc(MESSAGES.report.status.no_data)}</text>`,
      );
      return;
    }
    const colour = STATUS_COLOURS[b.status ?? 'reference'] ?? STATUS_COLOURS.reference;
    parts.push(
      `<rect x="${L}" y="${yy + 2.5}" width="${n(Math.max(0.8, x(b.value) - L))}" height="${rowH - 5}" fill="${colour}"/>`,
    );
    parts.push(
      `<text x="${n(x(b.value) + 4)}" y="${yy + rowH * 0.68}" font-size="8.5" ${HALO}>${esc(label(b.value, chart.decimals))}</text>`,
    );
  });
  const goal = chart.goal;
  if (goal) {
    for (const g of [goal.low, goal.high]) {
      if (g === null) continue;
      parts.push(
        `<line x1="${n(x(g))}" x2="${n(x(g))}" y1="${T - 2}" y2="${H - B + 2}" stroke="${GOAL}" stroke-width="1.2" stroke-dasharray="4 3"/>`,
      );
    }
    parts.push(
      `<text x="${W}" y="12" font-size="8.5" fill="${GOAL}" text-anchor="end">${esc(MESSAGES.report.annual.chartTarget(goalText(goal, chart.unit)))}</text>`,
    );
  }
  return svg(W, H, chart.title, parts);
}

/** Each area's measured targets as one stacked bar: 已实现 / 基本实现 / 尚有差距 / 无数据. */
export function areaStatusSvg(rows: { title: string; counts: Counts }[]): string {
  const rowH = 19,
    W = 640,
    L = 132,
    R = 40,
    T = 26,
    B = 4;
  const H = T + B + rowH * rows.length;
  const S = MESSAGES.report.status;
  const keys: ['met' | 'basicallyMet' | 'notMet' | 'noData', TargetStatus][] = [
    ['met', 'met'],
    ['basicallyMet', 'basically_met'],
    ['notMet', 'not_met'],
    ['noData', 'no_data'],
  ];
  const parts: string[] = [];
  let lx = L;
  for (const [, status] of keys) {
    parts.push(`<rect x="${lx}" y="6" width="10" height="10" fill="${STATUS_COLOURS[status]}"/>`);
    parts.push(`<text x="${lx + 14}" y="15" font-size="9">${esc(S[status])}</text>`);
    lx += 70;
  }
  const most = Math.max(1, ...rows.map((r) => r.counts.measured));
  rows.forEach((r, i) => {
    const yy = T + i * rowH;
    parts.push(`<text x="${L - 8}" y="${yy + rowH * 0.66}" font-size="9.5" text-anchor="end">${esc(r.title)}</text>`);
    let x = L;
    for (const [key, status] of keys) {
      const v = r.counts[key];
      if (v <= 0) continue;
      const w = ((W - L - R) * v) / most;
      parts.push(
        `<rect x="${n(x)}" y="${yy + 3}" width="${n(w)}" height="${rowH - 6}" fill="${STATUS_COLOURS[status]}"/>`,
      );
      if (w >= 14)
        parts.push(
          `<text x="${n(x + w / 2)}" y="${yy + rowH * 0.66}" font-size="8.5" fill="#fff" text-anchor="middle">${v}</text>`,
        );
      x += w;
    }
    parts.push(
      `<text x="${n(x + 4)}" y="${yy + rowH * 0.66}" font-size="8.5" fill="${AXIS}">${r.counts.measured}</text>`,
    );
  });
  return svg(W, H, MESSAGES.report.annual.sections.areas, parts);
}

/** Muted, distinguishable line colours for several units on one chart (cycled). */
const SERIES = [
  '#1f4e99',
  '#b4235a',
  '#2e7d4f',
  '#d08700',
  '#6a3d9a',
  '#00838f',
  '#8d6e63',
  '#5c6bc0',
  '#c0ca33',
  '#e64a19',
];

/**
 * One indicator over the years for several units (the database page's pivot): a line per unit, years along the
 * bottom, the unit names in a legend on the right, a point coloured by the engine's status.
 */
export function seriesChartSvg(chart: {
  title: string;
  unit: string;
  decimals: number;
  years: number[];
  series: { label: string; points: { value: number | null; status: TargetStatus | null }[] }[];
}): string {
  const W = 640,
    L = 44,
    T = 26,
    B = 22,
    legendW = 132,
    R = legendW + 12;
  const H = Math.max(200, T + B + 14 * chart.series.length);
  const values = chart.series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  const pad = (hi - lo) * 0.12 || Math.max(1, Math.abs(hi) * 0.1);
  lo = Math.max(chart.unit === '%' || chart.unit === '‰' || lo >= 0 ? 0 : -Infinity, lo - pad);
  hi += pad;
  const ticks = niceTicks(lo, hi, 4);
  const y0 = ticks[0],
    y1 = ticks[ticks.length - 1];
  const y = (v: number) => T + (H - T - B) * (1 - (v - y0) / (y1 - y0 || 1));
  const count = chart.years.length;
  const x = (i: number) => L + 12 + (W - L - R - 24) * (count === 1 ? 0.5 : i / (count - 1));
  const parts: string[] = [];
  parts.push(
    `<text x="0" y="12" font-size="11" font-weight="700">${esc(chart.title)}<tspan font-size="9" font-weight="400" fill="#555">（${esc(unitSuffix(chart.unit))}）</tspan></text>`,
  );
  for (const t of ticks) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${n(y(t))}" y2="${n(y(t))}" stroke="${GRID}" stroke-width="0.6"/>`);
    parts.push(
      `<text x="${L - 4}" y="${n(y(t) + 3)}" font-size="8" fill="${AXIS}" text-anchor="end">${esc(label(t, tickDecimals(ticks)))}</text>`,
    );
  }
  const every = count > 10 ? 2 : 1;
  chart.years.forEach((year, i) => {
    if ((count - 1 - i) % every === 0)
      parts.push(
        `<text x="${n(x(i))}" y="${H - 6}" font-size="8.5" fill="${AXIS}" text-anchor="middle">${year}</text>`,
      );
  });
  chart.series.forEach((s, k) => {
    const colour = SERIES[k % SERIES.length];
    let path = '';
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      path += `${path && s.points[i - 1]?.value !== null && s.points[i - 1]?.value !== undefined ? 'L' : 'M'}${n(x(i))} ${n(y(p.value))}`;
    });
    if (path) parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="1.4"/>`);
    s.points.forEach((p, i) => {
      if (p.value === null) return;
      parts.push(
        `<circle cx="${n(x(i))}" cy="${n(y(p.value))}" r="2.6" fill="${STATUS_COLOURS[p.status ?? 'reference'] ?? colour}" stroke="${colour}" stroke-width="1"/>`,
      );
    });
    const ly = T + 4 + k * 14;
    parts.push(
      `<line x1="${W - legendW}" x2="${W - legendW + 14}" y1="${ly}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`,
    );
    parts.push(`<text x="${W - legendW + 18}" y="${ly + 3}" font-size="9">${esc(s.label)}</text>`);
  });
  return svg(W, H, chart.title, parts);
}

function svg(w: number, h: number, title: string, parts: string[]): string {
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join('')}</svg>`;
}
