// ADX comes back: export → import gives the identical return for every bundled plan (ADX carries the numeric
// cells only, so the returns are numeric: no 无数据 cells, qualitative answers or thresholds), the files written
// validate against the ADX XSD, and a hostile ADX (DOCTYPE / entities, unknown codes, duplicates, broken XML) is
// refused with the line, element and attribute of each problem in Chinese, nothing written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBundledPlanIds } from '../../../electron/frameworks/bundled.ts';
import { MESSAGES } from '../../../shared/messages.ts';
import type { ReturnData } from '../../../shared/returns/schema.ts';
import { FRAMEWORKS_DIR, REPO_ROOT } from '../../helpers/paths.ts';
import { comparable, dumpTables, openTestApp, regionsOf, storeReturn, type TestApp } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const PLANS = listBundledPlanIds(FRAMEWORKS_DIR);
const XMLLINT = '/usr/bin/xmllint';
const XSD = join(REPO_ROOT, 'tests/electron/open-data-io/adx.xsd');
const P = MESSAGES.openData.problem;

/** A return ADX can carry whole: numbers only. */
function numericReturn(
  app: TestApp,
  planId: string,
  level: 'county' | 'township',
  regionCode: string,
  seed: number,
): ReturnData {
  const data = generateReturn(app.framework(planId), { level, regionCode, year: 2024, seed, noDataShare: 0 });
  return { ...data, cells: data.cells.filter((c) => c.value !== null), qualitative: [], externalThresholds: {} };
}

describe('ADX round trip', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'wdp-adx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('covers all five bundled plans', () => expect(PLANS).toHaveLength(5));

  for (const planId of PLANS) {
    it(`${planId}: a township return comes back identical through ADX, and the file passes the ADX XSD`, async () => {
      const source = openTestApp();
      const target = openTestApp();
      try {
        const r = regionsOf(source, planId);
        const data = numericReturn(source, planId, 'township', r.township, planId.length * 13 + 1);
        expect(data.cells.length).toBeGreaterThan(10);
        await storeReturn(source, data);
        const file = await source.call('open-data:export', {
          regionCode: r.township,
          fromYear: 2024,
          toYear: 2024,
          format: 'adx',
        });
        expect(file.notes).toEqual([]);
        const bytes = Buffer.from(file.bytesBase64, 'base64');
        if (existsSync(XMLLINT)) {
          const path = join(dir, `${planId}.adx.xml`);
          writeFileSync(path, bytes);
          execFileSync(XMLLINT, ['--noout', '--nonet', '--schema', XSD, path], { stdio: 'pipe' });
        }
        await target.call('settings:set-profile', { planId, role: 'county', regionCode: r.county, userName: '李四' });
        const result = await target.call('open-data:import', {
          fileName: file.fileName,
          bytesBase64: file.bytesBase64,
          acceptWarnings: false,
        });
        expect(result.format).toBe('adx');
        expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
        expect(result.written).toBe(true);
        expect(result.returns).toEqual([
          expect.objectContaining({ regionCode: r.township, year: 2024, planId, level: 'township' }),
        ]);
        const list = await target.call('returns:list', { regionCode: r.township });
        const back = await target.call('returns:get', { returnId: list[0].id });
        expect(comparable(back.data)).toEqual(comparable(data));
      } finally {
        source.close();
        target.close();
      }
    }, 60_000);
  }
});

describe('ADX import refuses hostile files', () => {
  let app: TestApp;
  let good: string;
  let r: ReturnType<typeof regionsOf>;
  beforeAll(async () => {
    app = openTestApp();
    r = regionsOf(app, 'kelan');
    await app.call('settings:set-profile', { planId: 'kelan', role: 'county', regionCode: r.county, userName: '王五' });
    const source = openTestApp();
    try {
      await storeReturn(source, numericReturn(source, 'kelan', 'township', r.township, 9));
      const file = await source.call('open-data:export', {
        regionCode: r.township,
        fromYear: 2024,
        toYear: 2024,
        format: 'adx',
      });
      good = Buffer.from(file.bytesBase64, 'base64').toString('utf8');
    } finally {
      source.close();
    }
  }, 60_000);
  afterAll(() => app.close());

  async function refused(text: string, fileName = 'bad.adx.xml') {
    const before = dumpTables(app);
    const report = await app.call('open-data:import', {
      fileName,
      bytesBase64: Buffer.from(text, 'utf8').toString('base64'),
      acceptWarnings: true,
    });
    expect(report.written).toBe(false);
    expect(report.counts.errors).toBeGreaterThan(0);
    expect(dumpTables(app)).toEqual(before);
    return report;
  }
  const lines = () => good.split('\n');
  /** the 1-based line of the first dataValue */
  const firstValueLine = () => lines().findIndex((l) => l.includes('<dataValue ')) + 1;

  it('the good file imports (the fixture is sound)', async () => {
    const report = await app.call('open-data:validate', {
      fileName: 'good.adx.xml',
      bytesBase64: Buffer.from(good).toString('base64'),
    });
    expect(report.counts.errors).toBe(0);
    expect(report.format).toBe('adx');
  });

  it('a DOCTYPE with an entity (billion laughs / external entity) is refused before anything is read', async () => {
    const bomb = good
      .replace(
        '<adx ',
        '<!DOCTYPE adx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>\n<adx ',
      )
      .replace('value="', 'value="&b;');
    const report = await refused(bomb);
    expect(report.readable).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].message).toContain('bad.adx.xml”第2行');
    expect(report.problems[0].message).toContain('DOCTYPE');
    expect(report.verdict).toContain('不读取带 DOCTYPE');
  });

  it('an entity reference without a DOCTYPE is refused at its line', async () => {
    const at = firstValueLine();
    const text = lines()
      .map((l, i) => (i === at - 1 ? l.replace('value="', 'value="&xxe;') : l))
      .join('\n');
    const report = await refused(text);
    expect(report.problems[0].message).toBe(P.xml('bad.adx.xml', at, 'entity', '&xxe;'));
  });

  it('broken XML (a tag not closed) names the line', async () => {
    const report = await refused(good.replace('</group>', '</grp>'));
    expect(report.problems[0].message).toMatch(/第\d+行：结束标记不匹配（<\/grp> ≠ <group>）/);
  });

  it('unknown codes, an unmapped sex, a bad period, an unknown attribute and a duplicate: each at its line, element and attribute', async () => {
    const ls = lines();
    const groupLine = ls.findIndex((l) => l.includes('<group ')) + 1;
    const v1 = firstValueLine();
    const v2 = v1 + 1;
    const v3 = v1 + 2;
    const v4 = v1 + 3;
    ls[groupLine - 1] = ls[groupLine - 1].replace(/period="\d{4}-01-01\/P1Y"/, 'period="2024-07-01/P1Y"');
    ls[v1 - 1] = ls[v1 - 1].replace(/dataElement="[^"]+"/, 'dataElement="XX99"');
    ls[v2 - 1] = ls[v2 - 1].replace('<dataValue ', '<dataValue SEX="U" ').replace(/ SEX="[FM]"/, '');
    ls[v3 - 1] = ls[v3 - 1].replace('<dataValue ', '<dataValue AGE="15-49" ');
    ls.splice(v4, 0, ls[v4 - 1]);
    const report = await refused(ls.join('\n'));
    const messages = report.problems.map((p) => `${p.location}｜${p.message}`);
    expect(messages).toContain(
      `${P.atXml('bad.adx.xml', groupLine, 'group', 'period')}｜${P.adxBadPeriod('2024-07-01/P1Y')}`,
    );
    expect(messages).toContain(
      `${P.atXml('bad.adx.xml', v1, 'dataValue', 'dataElement')}｜${P.unmappedDataElement('XX99')}`,
    );
    expect(messages).toContain(
      `${P.atXml('bad.adx.xml', v2, 'dataValue', 'SEX')}｜${P.adxBadSex('SEX', 'U', 'F', 'M')}`,
    );
    expect(messages).toContain(`${P.atXml('bad.adx.xml', v3, 'dataValue', 'AGE')}｜${P.adxUnknownAttr('AGE', 'SEX')}`);
    expect(report.verdict).toContain('未导入');
  });

  it('the same cell twice is a duplicate naming the first line', async () => {
    const ls = lines();
    const v = firstValueLine();
    ls.splice(v, 0, ls[v - 1].replace(/value="[^"]+"/, 'value="1"'));
    const report = await refused(ls.join('\n'));
    const dup = report.problems.find((p) => p.code === 'duplicate')!;
    expect(dup.location).toBe(P.atXml('bad.adx.xml', v + 1, 'dataValue', 'dataElement'));
    expect(dup.message).toBe(P.duplicate(v));
  });

  it('an unknown organisation unit and a value that is no number are refused at their attribute', async () => {
    const ls = lines();
    const groupLine = ls.findIndex((l) => l.includes('<group ')) + 1;
    const v = firstValueLine();
    ls[v - 1] = ls[v - 1].replace(/value="[^"]+"/, 'value="十二"');
    const report = await refused(ls.join('\n'));
    expect(report.problems.some((p) => p.location === P.atXml('bad.adx.xml', v, 'dataValue', 'value'))).toBe(true);
    const report2 = await refused(good.replace(/orgUnit="\d+"/, 'orgUnit="NOPE"'));
    expect(report2.problems[0]).toMatchObject({
      location: P.atXml('bad.adx.xml', groupLine, 'group', 'orgUnit'),
      message: P.unmappedOrgUnit('NOPE'),
    });
  });

  it('XML that is not ADX is named as such', async () => {
    const report = await refused('<?xml version="1.0"?>\n<root><group/></root>\n');
    expect(report.problems[0].message).toBe(P.notAdx('bad.adx.xml', 'root'));
  });
});
