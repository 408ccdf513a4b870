// DHIS2 exchange: the mapping (item code → dataElement, 合计/女/男 → categoryOptionCombo or an ADX sex attribute,
// region code → orgUnit), the dataValueSets JSON and ADX XML (IHE QRPH ADX 2015, urn:ihe:qrph:adx:2015) writers,
// and the dataValueSets reader's shape. Yearly data: period "2025" in dataValueSets, "2025-01-01/P1Y" in ADX.
// 无数据 travels as a dataValue with a comment and no value (dataValueSets); ADX values must be decimals, so 无数据
// cells are left out of ADX. Qualitative answers and indicator results are not DHIS2 data values (DHIS2 computes
// its own indicators) and stay in the long format. Pure.
import { z } from 'zod';
import { DataItemCodeSchema, type Framework, type SexColumn } from '../framework/schema.ts';
import { RegionCodeSchema, type ReturnData } from '../returns/schema.ts';

const DHIS2_MAPPING_FORMAT = 'wdp-dhis2-mapping';

/** An identifier DHIS2 accepts as a UID or code: no spaces, quotes or XML markup. */
const IdSchema = z
  .string()
  .min(1, '不能为空')
  .max(100, '最多100个字符')
  .regex(/^[^\s<>&"'`]+$/, '不能含空格、引号或 < > &');
/** An XML attribute name (NCName) that is not one of ADX's own. */
const AttributeNameSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]{0,49}$/, '应为英文字母开头的属性名，如 SEX')
  .refine(
    (n) => !['dataElement', 'value', 'orgUnit', 'period', 'dataSet', 'exported'].includes(n),
    'ADX 已使用这个属性名',
  );

export const Dhis2MappingSchema = z.object({
  format: z.literal(DHIS2_MAPPING_FORMAT),
  version: z.literal(1),
  planId: z.string().regex(/^[a-z]+$/),
  /** the DHIS2 data set, or null to leave it out */
  dataSet: IdSchema.nullable(),
  /** data item code → data element */
  dataElements: z.record(DataItemCodeSchema, IdSchema),
  /** 合计 / 女 / 男 → category option combo (dataValueSets) */
  categoryOptionCombos: z.object({ total: IdSchema, female: IdSchema, male: IdSchema }),
  attributeOptionCombo: IdSchema.nullable(),
  /** ADX: the sex disaggregation as an attribute of dataValue; 合计 has none */
  adx: z.object({ sexAttribute: AttributeNameSchema, female: IdSchema, male: IdSchema }),
  /** 12-digit region code → organisation unit */
  orgUnits: z.record(RegionCodeSchema, IdSchema),
});
export type Dhis2Mapping = z.infer<typeof Dhis2MappingSchema>;

/** The default: codes as they are (import into DHIS2 with idScheme=CODE), F/M for the sexes. */
export function defaultMapping(framework: Framework, regionCodes: readonly string[]): Dhis2Mapping {
  return {
    format: DHIS2_MAPPING_FORMAT,
    version: 1,
    planId: framework.plan.id,
    dataSet: `WDP_${framework.plan.id.toUpperCase()}`,
    dataElements: Object.fromEntries(framework.dataItems.map((d) => [d.code, d.code])),
    categoryOptionCombos: { total: 'TOTAL', female: 'F', male: 'M' },
    attributeOptionCombo: null,
    adx: { sexAttribute: 'SEX', female: 'F', male: 'M' },
    orgUnits: Object.fromEntries(regionCodes.map((c) => [c, c])),
  };
}

/** Two keys mapped to the same DHIS2 identifier cannot be told apart on the way back. */
export function mappingClashes(
  m: Dhis2Mapping,
): { what: 'dataElement' | 'coc' | 'orgUnit'; code: string; a: string; b: string }[] {
  const out: { what: 'dataElement' | 'coc' | 'orgUnit'; code: string; a: string; b: string }[] = [];
  const check = (what: 'dataElement' | 'coc' | 'orgUnit', entries: [string, string][]) => {
    const seen = new Map<string, string>();
    for (const [key, id] of entries) {
      const first = seen.get(id);
      if (first !== undefined) out.push({ what, code: id, a: first, b: key });
      else seen.set(id, key);
    }
  };
  check('dataElement', Object.entries(m.dataElements));
  check('coc', Object.entries(m.categoryOptionCombos));
  check('orgUnit', Object.entries(m.orgUnits));
  return out;
}

const dhis2Period = (year: number) => String(year);
export const adxPeriod = (year: number) => `${year}-01-01/P1Y`;

export const DataValueSchema = z.object({
  dataElement: z.string().min(1).max(100),
  period: z.string().min(1).max(40).optional(),
  orgUnit: z.string().min(1).max(100).optional(),
  categoryOptionCombo: z.string().min(1).max(100).optional(),
  attributeOptionCombo: z.string().min(1).max(100).optional(),
  value: z
    .union([z.string().max(200), z.number()])
    .nullable()
    .optional(),
  comment: z.string().max(1000).nullable().optional(),
  storedBy: z.string().max(200).optional(),
  created: z.string().max(40).optional(),
  lastUpdated: z.string().max(40).optional(),
  followup: z.boolean().optional(),
});
export type DataValue = z.infer<typeof DataValueSchema>;

/** A DHIS2 dataValueSet as its Web API imports and exports it (JSON). */
export const DataValueSetSchema = z.object({
  dataSet: z.string().min(1).max(100).optional(),
  completeDate: z.string().max(40).optional(),
  period: z.string().max(40).optional(),
  orgUnit: z.string().max(100).optional(),
  attributeOptionCombo: z.string().max(100).optional(),
  dataValues: z.array(DataValueSchema),
});
export type DataValueSet = z.infer<typeof DataValueSetSchema>;

const cellsToSend = (data: ReturnData, framework: Framework) => {
  const known = new Set(framework.dataItems.map((d) => d.code));
  return data.cells.filter((c) => known.has(c.item) && c.raw === null && (c.value !== null || c.noData !== null));
};

/** The returns' cells as one dataValueSet (every value carries its own period and orgUnit). */
export function toDataValueSet(
  returns: readonly { data: ReturnData; framework: Framework }[],
  m: Dhis2Mapping,
): DataValueSet {
  const dataValues: DataValue[] = [];
  for (const { data, framework } of returns) {
    const orgUnit = m.orgUnits[data.regionCode] ?? data.regionCode;
    for (const c of cellsToSend(data, framework)) {
      const v: DataValue = {
        dataElement: m.dataElements[c.item] ?? c.item,
        period: dhis2Period(data.year),
        orgUnit,
        categoryOptionCombo: m.categoryOptionCombos[c.sex],
        ...(m.attributeOptionCombo ? { attributeOptionCombo: m.attributeOptionCombo } : {}),
      };
      if (c.value !== null) v.value = String(c.value);
      else v.comment = c.noData!.reason;
      dataValues.push(v);
    }
  }
  return { ...(m.dataSet ? { dataSet: m.dataSet } : {}), dataValues };
}

const xmlAttr = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');

/** ADX XML: one group per unit and year; 无数据 cells are left out (ADX values are decimals). */
export function toAdx(
  returns: readonly { data: ReturnData; framework: Framework }[],
  m: Dhis2Mapping,
  exported: string,
): { xml: string; leftOut: number } {
  const sexAttr: Partial<Record<SexColumn, string>> = { female: m.adx.female, male: m.adx.male };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<adx xmlns="urn:ihe:qrph:adx:2015" exported="${xmlAttr(exported)}">`,
  ];
  let leftOut = 0;
  for (const { data, framework } of returns) {
    const cells = cellsToSend(data, framework);
    const values = cells.filter((c) => c.value !== null);
    leftOut += cells.length - values.length;
    if (values.length === 0) continue;
    const ds = m.dataSet ? ` dataSet="${xmlAttr(m.dataSet)}"` : '';
    lines.push(
      `  <group orgUnit="${xmlAttr(m.orgUnits[data.regionCode] ?? data.regionCode)}" period="${adxPeriod(data.year)}"${ds}>`,
    );
    for (const c of values) {
      const sex = sexAttr[c.sex] ? ` ${m.adx.sexAttribute}="${xmlAttr(sexAttr[c.sex]!)}"` : '';
      lines.push(
        `    <dataValue dataElement="${xmlAttr(m.dataElements[c.item] ?? c.item)}"${sex} value="${c.value}"/>`,
      );
    }
    lines.push('  </group>');
  }
  lines.push('</adx>');
  return { xml: `${lines.join('\n')}\n`, leftOut };
}
