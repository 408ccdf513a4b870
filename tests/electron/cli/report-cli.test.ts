// `wdp report` as a user runs it (a child process of the launcher): one self-contained HTML file with its
// charts and a font subset inline, and --json with the rule engine's counts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { engineEvaluation } from '../../shared/report/engine.ts';
import { COUNTY, PLAN, reportFixture, YEAR, type ReportFixture } from '../../shared/report/fixture.ts';
import { wdpRunner } from '../../helpers/cli.ts';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
let fx: ReportFixture;
let expectedTotal: { met: number; basicallyMet: number; notMet: number; noData: number };

beforeAll(() => {
  fx = reportFixture();
  expectedTotal = engineEvaluation(fx.backend.ctx, COUNTY, YEAR, PLAN).total;
  fx.backend.close(); // the CLI opens the database itself
});
afterAll(() => fx?.close());

const wdp = wdpRunner({ dir: () => fx.dir, db: () => fx.dbFile, timeout: 120_000 });

describe('wdp report', () => {
  it('-o writes one self-contained HTML file: CSS, SVG charts and the font inline, nothing fetched', () => {
    const file = join(fx.dir, 'report.html');
    const { code, stdout, stderr } = wdp('report', '--region', COUNTY, '--year', String(YEAR), '-o', file);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('嘉禾县2024年妇女发展规划实施情况监测报告');
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('counter(pages)');
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThan(10);
    // no reference outside the file (the SVG namespace is a name, not a fetch)
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link |<script|src="(?!data:)/);
    if (existsSync(NOTO)) {
      expect(stdout).toContain('Noto Sans CJK SC');
      const faces = html.match(/@font-face \{[^}]*url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\)/g) ?? [];
      expect(faces.length).toBe(2); // regular and bold
      expect(Buffer.byteLength(html)).toBeLessThan(3_000_000);
    }
  });

  it('--json prints the summary: the rule engine’s counts', () => {
    const { code, stdout } = wdp('report', '--region', COUNTY, '--year', String(YEAR), '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const t = expectedTotal;
    expect(out.summary).toMatchObject({
      met: t.met,
      basicallyMet: t.basicallyMet,
      notMet: t.notMet,
      noData: t.noData,
      monitored: t.met + t.basicallyMet + t.notMet,
    });
    expect(out.summary.townshipReturns).toBe(fx.townships.length - 1);
  });

  it('without -o the HTML goes to stdout', () => {
    const { code, stdout } = wdp('report', '--region', fx.townships[0], '--year', String(YEAR), '--system-fonts');
    expect(code).toBe(0);
    expect(stdout.startsWith('<!doctype html>')).toBe(true);
    expect(stdout).not.toContain('@font-face');
  });

  it('missing arguments exit 2; a year without a return exits 1 with a Chinese message', () => {
    expect(wdp('report', '--region', COUNTY).code).toBe(2);
    const { code, stderr } = wdp('report', '--region', COUNTY, '--year', '2019');
    expect(code).toBe(1);
    expect(stderr).toContain(MESSAGES.report.errors.noReturn('嘉禾县', 2019));
  });
});
