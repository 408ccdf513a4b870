// What the exports look like to their readers: the CSV (BOM, quoting, formulas neutralised) read by Python's csv
// module and pandas with the same totals, and by LibreOffice with the Chinese intact; the JSON against the shipped
// JSON Schema (which must equal the one generated from zod); DHIS2 dataValueSets against its JSON shape; ADX against
// the ADX XSD with xmllint. A county with two townships over two years, all judged by the rule engine.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { longFormatJsonSchema } from '../../../shared/open-data/json-schema.ts';
import { DataValueSetSchema } from '../../../shared/open-data/dhis2.ts';
import { LONG_FIELDS } from '../../../shared/open-data/long-format.ts';
import { evaluateStored } from '../../../electron/evaluation/return-evaluation.ts';
import { requireReturn } from '../../../electron/returns/returns-service.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { openTestApp, regionsOf, storeReturn, type TestApp } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const O = MESSAGES.openData;
const PY = '/usr/bin/python3';
const hasPandas =
  existsSync(PY) &&
  (() => {
    try {
      execFileSync(PY, ['-c', 'import pandas'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
const XMLLINT = '/usr/bin/xmllint';
const SOFFICE = '/usr/bin/soffice';

describe('open data exports', () => {
  let app: TestApp;
  let dir: string;
  let county: string;
  let townships: string[];
  const ids: number[] = [];
  const files: Record<string, { text: string; bytes: Buffer; rows: number; returns: number; notes: string[] }> = {};

  beforeAll(async () => {
    app = openTestApp();
    dir = mkdtempSync(join(tmpdir(), 'wdp-open-'));
    const planId = 'jiahe';
    const r = regionsOf(app, planId);
    county = r.county;
    townships = (
      app.backend.ctx.db
        .prepare("SELECT code FROM regions WHERE parent = ? AND level = 'township' ORDER BY code LIMIT 2")
        .all(county) as { code: string }[]
    ).map((x) => x.code);
    let seed = 1;
    for (const year of [2023, 2024]) {
      for (const code of townships)
        ids.push(
          await storeReturn(
            app,
            generateReturn(app.framework(planId), { level: 'township', regionCode: code, year, seed: seed++ }),
            'county',
          ),
        );
      ids.push(
        await storeReturn(
          app,
          generateReturn(app.framework(planId), { level: 'county', regionCode: county, year, seed: seed++ }),
          'county',
        ),
      );
    }
    for (const format of ['csv', 'json', 'dhis2-json', 'adx'] as const) {
      const f = await app.call('open-data:export', {
        regionCode: county,
        withChildren: true,
        fromYear: 2021,
        toYear: 2025,
        format,
      });
      const bytes = Buffer.from(f.bytesBase64, 'base64');
      files[format] = { text: bytes.toString('utf8'), bytes, rows: f.rows, returns: f.returns, notes: f.notes };
      writeFileSync(
        join(dir, `data.${format === 'dhis2-json' ? 'dvs.json' : format === 'adx' ? 'xml' : format}`),
        bytes,
      );
    }
  }, 120_000);
  afterAll(() => {
    app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes the county and its townships for every year asked', () => {
    expect(files.csv.returns).toBe(6);
    const dataset = JSON.parse(files.json.text);
    const units = new Set(dataset.rows.map((r: { regionCode: string; year: number }) => `${r.regionCode}/${r.year}`));
    expect([...units].sort()).toEqual([county, ...townships].flatMap((c) => [`${c}/2023`, `${c}/2024`]).sort());
  });

  it('CSV: UTF-8 with a byte-order mark, Chinese headers, CRLF, one row per value', () => {
    expect([...files.csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const firstLine = files.csv.text.slice(1).split('\r\n')[0];
    expect(firstLine.split(',')).toEqual(LONG_FIELDS.map((f) => O.headers[f]));
    expect(files.csv.rows).toBe(JSON.parse(files.json.text).rows.length);
  });

  it('CSV: formula-looking text starts with an apostrophe, never with = + - @', () => {
    // the generated returns carry 无数据 reasons like =SUM(A1:A9), +86 …, -暂缺, @卫健局 and notes like =HYPERLINK(…)
    expect(files.csv.text).toContain("'=SUM(A1:A9)");
    expect(files.csv.text).toContain("'@卫健局 未提供");
    expect(files.csv.text).toContain('"\'=HYPERLINK(""http://example.com"")"');
    const out = execFileSync(
      PY,
      [
        '-c',
        `
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
bad = [c for r in rows[1:] for c in r if c[:1] in ('=', '+', '@', '\\t', '\\r') or (c[:1] == '-' and not c.lstrip('-').replace('.', '', 1).isdigit())]
print(len(rows) - 1, len(bad))
`,
        join(dir, 'data.csv'),
      ],
      { encoding: 'utf8' },
    ).trim();
    expect(out).toBe(`${files.csv.rows} 0`);
  });

  it("indicator rows are the rule engine's verdicts, 预警 and 序时进度 for each return", () => {
    const dataset = JSON.parse(files.json.text) as { rows: Record<string, unknown>[] };
    for (const id of ids) {
      const row = requireReturn(app.backend.ctx, id);
      const { evaluation } = evaluateStored(app.backend.ctx, row);
      const got = dataset.rows
        .filter((r) => r.kind === 'indicator' && r.regionCode === row.regionCode && r.year === row.year)
        .map((r) => ({
          targetId: r.targetId,
          verdict: r.verdict,
          value: r.value,
          hardToMeet: r.hardToMeet,
          volatile: r.volatile,
          progress: r.progress,
        }));
      expect(got).toEqual(
        evaluation.targets.map((t) => ({
          targetId: t.targetId,
          verdict: t.status,
          value: t.value,
          hardToMeet: t.hardToMeet,
          volatile: t.volatile,
          progress: t.progress?.state ?? null,
        })),
      );
    }
    // the CSV says it in words
    expect(files.csv.text).toMatch(new RegExp(`,(${O.verdictLabel.met}|${O.verdictLabel.not_met}),`));
  });

  it.skipIf(!hasPandas)('pandas reads the CSV with the same totals as the database', () => {
    const out = execFileSync(
      PY,
      [
        '-c',
        `
import sys, pandas as pd
df = pd.read_csv(sys.argv[1], encoding='utf-8-sig', dtype={'区划代码': str})
items = df[df['类别'] == '数据项']
print(len(df), len(items), repr(round(float(items['数值'].sum()), 4)))
`,
        join(dir, 'data.csv'),
      ],
      { encoding: 'utf8' },
    ).trim();
    const dataset = JSON.parse(files.json.text) as { rows: { kind: string; value: number | null }[] };
    const items = dataset.rows.filter((r) => r.kind === 'item');
    const sum = items.reduce((s, r) => s + (r.value ?? 0), 0);
    const [n, nItems, total] = out.split(' ');
    expect(Number(n)).toBe(dataset.rows.length);
    expect(Number(nItems)).toBe(items.length);
    expect(Number(total)).toBeCloseTo(sum, 4);
  });

  it.skipIf(!existsSync(SOFFICE))(
    'LibreOffice opens the CSV with the Chinese intact',
    () => {
      const profile = join(dir, 'lo-profile');
      // CSV import filter: comma, UTF-8 (76), from line 1; then back out as CSV to compare the text
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--infilter=CSV:44,34,76,1',
          '--convert-to',
          'xlsx',
          '--outdir',
          join(dir, 'lo'),
          join(dir, 'data.csv'),
        ],
        { timeout: 180_000, stdio: 'ignore' },
      );
      const xlsx = join(dir, 'lo', 'data.xlsx');
      const out = execFileSync(
        PY,
        [
          '-c',
          `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], read_only=True).active
rows = list(ws.iter_rows(values_only=True))
print(rows[0][0], rows[0][1], rows[1][2], rows[1][0])
`,
          xlsx,
        ],
        { encoding: 'utf8' },
      ).trim();
      const first = JSON.parse(files.json.text).rows[0];
      expect(out).toBe(`${O.headers.kind} ${O.headers.regionCode} ${first.regionName} ${O.kind[first.kind as 'item']}`);
    },
    200_000,
  );

  it('JSON: the shipped schema is the one generated from zod, and the export validates against it', () => {
    const shipped = JSON.parse(readFileSync(join(REPO_ROOT, 'resources/open-data/long-format.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(longFormatJsonSchema())));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(shipped);
    const doc = JSON.parse(files.json.text);
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // and it is not a schema that accepts anything
    expect(validate({ ...doc, rows: [{ ...doc.rows[0], column: '女' }] })).toBe(false);
    expect(validate({ ...doc, rows: [{ ...doc.rows[0], regionCode: '4310' }] })).toBe(false);
  });

  it("DHIS2 dataValueSets: the Web API's JSON shape, values as strings, periods as years, 无数据 as a comment", () => {
    const set = JSON.parse(files['dhis2-json'].text);
    expect(DataValueSetSchema.safeParse(set).success).toBe(true);
    expect(set.dataSet).toBe('WDP_JIAHE');
    for (const v of set.dataValues) {
      expect(
        Object.keys(v).every((k) =>
          ['dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'value', 'comment'].includes(k),
        ),
      ).toBe(true);
      expect(v.period).toMatch(/^20(23|24)$/);
      expect(v.orgUnit).toMatch(/^\d{12}$/);
      expect(['TOTAL', 'F', 'M']).toContain(v.categoryOptionCombo);
      expect(
        typeof v.value === 'string' ? !('comment' in v) : typeof v.comment === 'string' && v.comment.length > 0,
      ).toBe(true);
    }
    expect(set.dataValues.some((v: { comment?: string }) => v.comment === '=SUM(A1:A9)')).toBe(true);
  });

  it.skipIf(!existsSync(XMLLINT))(
    'ADX validates against the ADX XSD (xmllint), with 无数据 cells left out and said so',
    () => {
      const out = execFileSync(
        XMLLINT,
        ['--noout', '--schema', join(REPO_ROOT, 'tests/electron/open-data-io/adx.xsd'), join(dir, 'data.xml')],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(out).toBe('');
      expect(files.adx.text).toContain('<adx xmlns="urn:ihe:qrph:adx:2015" exported="2026-02-10T08:00:00.000Z">');
      expect(files.adx.text).toMatch(/<group orgUnit="\d{12}" period="2024-01-01\/P1Y" dataSet="WDP_JIAHE">/);
      expect(files.adx.text).toMatch(/<dataValue dataElement="[A-Z]D\d{2}" SEX="F" value="[\d.]+"\/>/);
      expect(files.adx.notes).toEqual([expect.stringContaining('无数据')]);
      // a broken document is refused by the same check, so the check is real
      writeFileSync(join(dir, 'bad.xml'), files.adx.text.replace('period="2024-01-01/P1Y"', 'period="2024"'));
      expect(() =>
        execFileSync(
          XMLLINT,
          ['--noout', '--schema', join(REPO_ROOT, 'tests/electron/open-data-io/adx.xsd'), join(dir, 'bad.xml')],
          { stdio: 'ignore' },
        ),
      ).toThrow();
    },
  );
});
