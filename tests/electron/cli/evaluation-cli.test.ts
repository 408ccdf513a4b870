// `wdp report --kind midterm|final` as a user runs it (a child process of the launcher): the evaluation report
// as one self-contained HTML file, --json with the rule engine's counts and the year evaluated, usage errors.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import type { Evaluation } from '../../../shared/rules/result.ts';
import { engineEvaluation } from '../../shared/report/engine.ts';
import {
  COUNTY,
  END,
  evaluationFixture,
  MID,
  PLAN,
  type EvaluationFixture,
} from '../../shared/report/evaluation-fixture.ts';
import { wdpRunner } from '../../helpers/cli.ts';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
let fx: EvaluationFixture;
let mid: Evaluation;
let end: Evaluation;

beforeAll(() => {
  fx = evaluationFixture();
  mid = engineEvaluation(fx.backend.ctx, COUNTY, MID, PLAN);
  end = engineEvaluation(fx.backend.ctx, COUNTY, END, PLAN);
  fx.backend.close(); // the CLI opens the database itself
}, 120_000);
afterAll(() => fx?.close());

const wdp = wdpRunner({ dir: () => fx.dir, db: () => fx.dbFile, timeout: 120_000 });

describe('wdp report --kind midterm|final', () => {
  it('--kind midterm -o writes the 中期评估报告 of the mid year, self-contained, fonts inline', () => {
    const file = join(fx.dir, 'midterm.html');
    const { code, stdout, stderr } = wdp('report', '--kind', 'midterm', '--region', COUNTY, '-o', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('嘉禾县实施《嘉禾县妇女发展规划（2021-2025年）》<br>中期评估报告');
    expect(html).toContain('中期评估以规划中期2023年为评估年度');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('counter(pages)');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(10);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link |<script|src="(?!data:)/);
    if (existsSync(NOTO)) expect(html).toMatch(/@font-face \{[^}]*url\(data:font\/woff2;base64,/);
  });

  it('--json: the engine’s counts of the evaluation year, the year and why, the 序时进度 counts', () => {
    for (const [kind, year, e] of [
      ['midterm', MID, mid],
      ['final', END, end],
    ] as const) {
      const { code, stdout } = wdp('report', '--kind', kind, '--region', COUNTY, '--json');
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      const t = e.total;
      expect(out).toMatchObject({ kind, year, nominalYear: year, yearChoice: 'nominal', file: null });
      expect(out.summary).toMatchObject({
        met: t.met,
        basicallyMet: t.basicallyMet,
        notMet: t.notMet,
        noData: t.noData,
        monitored: t.met + t.basicallyMet + t.notMet,
      });
      const behind = e.targets.filter(
        (x) => x.progress?.state === 'behind' && ['met', 'basically_met', 'not_met'].includes(x.status),
      ).length;
      expect(out.progress.behind).toBe(behind);
      expect(out.lists.notMet).toBe(t.notMet);
    }
  });

  it('--year picks the evaluation year; the annual report stays the default', () => {
    const chosen = JSON.parse(wdp('report', '--kind', 'final', '--year', '2024', '--region', COUNTY, '--json').stdout);
    expect([chosen.year, chosen.yearChoice]).toEqual([2024, 'chosen']);
    const { code, stdout } = wdp('report', '--region', fx.townships[0], '--year', '2024', '--system-fonts');
    expect(code).toBe(0);
    expect(stdout).toContain('2024年妇女发展规划实施情况监测报告');
  });

  it('usage errors exit 2 with a Chinese message; no return for the year exits 1', () => {
    const bad = wdp('report', '--kind', 'yearly', '--region', COUNTY);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(MESSAGES.cli.badValue('--kind', 'yearly', 'annual|midterm|final'));
    expect(wdp('report', '--region', COUNTY).code).toBe(2); // annual needs --year
    expect(wdp('report', '--kind', 'final', '--region', COUNTY, '--year', 'x').code).toBe(2);
    const none = wdp('report', '--kind', 'final', '--region', fx.short, '--year', '2025');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('2025年没有报表');
  });
});
