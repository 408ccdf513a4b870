// The DHIS2 mapping: a default from the catalogue, exported for the office to edit, imported back only when valid
// (shape, plan, known items, no two keys on one identifier), and then used by the dataValueSets / ADX export and by
// the dataValueSets import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../shared/messages.ts';
import { openTestApp, regionsOf, storeReturn, type TestApp } from '../excel/helpers/app.ts';
import { generateReturn } from '../excel/helpers/generate.ts';

const M = MESSAGES.openData.mapping;
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');

describe('DHIS2 mapping', () => {
  let app: TestApp;
  let r: ReturnType<typeof regionsOf>;
  beforeAll(async () => {
    app = openTestApp();
    r = regionsOf(app, 'jiutai');
    await storeReturn(
      app,
      generateReturn(app.framework('jiutai'), { level: 'township', regionCode: r.township, year: 2024, seed: 3 }),
      'county',
    );
  }, 60_000);
  afterAll(() => app.close());

  const mappingNow = async () =>
    JSON.parse(Buffer.from((await app.call('open-data:mapping-export', {})).bytesBase64, 'base64').toString('utf8'));

  it('the default maps every data item of the catalogue, the sexes and every unit of the plan', async () => {
    const m = await mappingNow();
    const fw = app.framework('jiutai');
    expect(Object.keys(m.dataElements)).toEqual(fw.dataItems.map((d) => d.code));
    expect(m.categoryOptionCombos).toEqual({ total: 'TOTAL', female: 'F', male: 'M' });
    expect(m.orgUnits[r.county]).toBe(r.county);
    expect(m.orgUnits[r.township]).toBe(r.township);
  });

  it('an edited mapping is imported and used both ways', async () => {
    const m = await mappingNow();
    m.dataSet = 'aBcDeF12345';
    m.dataElements.HD01 = 'fbfJHSPpUQD';
    m.categoryOptionCombos.female = 'Gmbgme7z9BF';
    m.orgUnits[r.township] = 'DiszpKrYNg8';
    m.adx.sexAttribute = 'GENDER';
    const done = await app.call('open-data:mapping-import', { fileName: 'm.json', bytesBase64: b64(m) });
    expect(done.message).toBe(M.imported(done.entries));
    const set = JSON.parse(
      Buffer.from(
        (
          await app.call('open-data:export', {
            regionCode: r.township,
            fromYear: 2024,
            toYear: 2024,
            format: 'dhis2-json',
          })
        ).bytesBase64,
        'base64',
      ).toString('utf8'),
    );
    expect(set.dataSet).toBe('aBcDeF12345');
    expect(set.dataValues.every((v: { orgUnit: string }) => v.orgUnit === 'DiszpKrYNg8')).toBe(true);
    expect(set.dataValues.some((v: { dataElement: string }) => v.dataElement === 'fbfJHSPpUQD')).toBe(true);
    expect(set.dataValues.some((v: { dataElement: string }) => v.dataElement === 'HD01')).toBe(false);
    expect(set.dataValues.some((v: { categoryOptionCombo: string }) => v.categoryOptionCombo === 'Gmbgme7z9BF')).toBe(
      true,
    );
    expect(set.dataValues.some((v: { categoryOptionCombo: string }) => v.categoryOptionCombo === 'F')).toBe(false);
    const adx = Buffer.from(
      (await app.call('open-data:export', { regionCode: r.township, fromYear: 2024, toYear: 2024, format: 'adx' }))
        .bytesBase64,
      'base64',
    ).toString('utf8');
    expect(adx).toContain('GENDER="F"');
    expect(adx).toContain('orgUnit="DiszpKrYNg8"');
    // and a DHIS2 export in those identifiers comes back to the same unit and items
    const report = await app.call('open-data:validate', { fileName: 'dvs.json', bytesBase64: b64(set) });
    expect(report.counts.errors).toBe(0);
    expect(report.returns).toEqual([expect.objectContaining({ regionCode: r.township, year: 2024 })]);
  });

  it('refuses what would not work, saying what and where, and keeps the mapping it had', async () => {
    const before = await mappingNow();
    const refuse = async (doc: unknown, message: string) => {
      await expect(app.call('open-data:mapping-import', { fileName: 'm.json', bytesBase64: b64(doc) })).rejects.toThrow(
        message,
      );
      expect(await mappingNow()).toEqual(before);
    };
    await refuse('{ not json', '对应表不是有效的 JSON');
    await refuse({ ...before, planId: 'taobei' }, M.otherPlan('taobei', 'jiutai'));
    await refuse(
      { ...before, dataElements: { ...before.dataElements, HD01: 'has space' } },
      '对应表 dataElements.HD01',
    );
    await refuse({ ...before, dataElements: { ...before.dataElements, ZD01: 'x' } }, '对应表 dataElements.ZD01');
    await refuse(
      { ...before, categoryOptionCombos: { total: 'X', female: 'X', male: 'M' } },
      M.duplicateTarget(M.what.coc, 'X', 'total', 'female'),
    );
    await refuse({ ...before, adx: { ...before.adx, sexAttribute: 'value' } }, '对应表 adx.sexAttribute');
  });
});
