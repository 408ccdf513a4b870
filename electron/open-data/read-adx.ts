// ADX (IHE QRPH, urn:ihe:qrph:adx:2015) read back as records, through the office's DHIS2 mapping reversed:
// group orgUnit → region, period 2025-01-01/P1Y → year, dataValue dataElement → item, the sex attribute → 女/男
// (none → 合计). The XML is read by safe-xml (no DOCTYPE, no entity expansion); every problem names the line,
// the element and the attribute. Attributes the mapping does not know are refused: an unknown disaggregation
// would fold different values into one cell. Pure.
import { MESSAGES } from '../../shared/messages.ts';
import { adxPeriod } from '../../shared/open-data/dhis2.ts';
import {
  fileProblem,
  reverseMapping,
  type Field,
  type IncomingRecord,
  type OPEN_DATA_LIMITS,
  type ReadRecords,
  type RecordContext,
  type RecordProblem,
} from './records.ts';
import { parseXml, type XmlElement } from './safe-xml.ts';

const P = MESSAGES.openData.problem;
export const ADX_NAMESPACE = 'urn:ihe:qrph:adx:2015';

/** The namespace an element's prefix is bound to on the root (ADX files declare it there). */
function namespaceOf(root: XmlElement): string | undefined {
  const prefix = root.qname.includes(':') ? root.qname.slice(0, root.qname.indexOf(':')) : '';
  return root.attrs.get(prefix ? `xmlns:${prefix}` : 'xmlns');
}

const isNamespaceAttr = (name: string) =>
  name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xml:') || name.startsWith('xsi:');

export function readAdx(
  text: string,
  fileName: string,
  ctx: RecordContext,
  limits: typeof OPEN_DATA_LIMITS,
  notes: RecordProblem[],
): ReadRecords {
  const xml = parseXml(text, {
    maxDepth: 16,
    maxElements: limits.maxRows + 10_000,
    maxAttrs: 32,
    maxValueChars: limits.maxFieldChars,
  });
  if (!xml.ok) {
    return {
      ok: false,
      format: 'adx',
      problems: [
        ...notes,
        {
          ...fileProblem(fileName, `xml_${xml.code}`, P.xml(fileName, xml.line, xml.code, xml.detail)),
          order: xml.line,
        },
      ],
    };
  }
  const { root } = xml;
  if (root.name !== 'adx' || namespaceOf(root) !== ADX_NAMESPACE) {
    return {
      ok: false,
      format: null,
      problems: [...notes, fileProblem(fileName, 'not_adx', P.notAdx(fileName, root.qname))],
    };
  }
  const m = ctx.mapping;
  const back = reverseMapping(m);
  const sexAttr = m?.adx.sexAttribute ?? 'SEX';
  const sexes = new Map<string, 'female' | 'male'>([
    [m?.adx.female ?? 'F', 'female'],
    [m?.adx.male ?? 'M', 'male'],
  ]);
  const problems: RecordProblem[] = [...notes];
  const records: IncomingRecord[] = [];
  const at = (el: XmlElement, attr: string | null) => P.atXml(fileName, el.line, el.qname, attr);
  const fail = (el: XmlElement, attr: string | null, code: string, message: string) =>
    problems.push({ severity: 'error', code, order: el.line, location: at(el, attr), item: null, message });
  const warn = (el: XmlElement, attr: string | null, code: string, message: string) =>
    problems.push({ severity: 'warning', code, order: el.line, location: at(el, attr), item: null, message });

  /** The sex column of an element's attribute, 'none' when absent, null (and a problem) when not mapped. */
  const sexOf = (el: XmlElement): 'female' | 'male' | 'none' | null => {
    const v = el.attrs.get(sexAttr);
    if (v === undefined) return 'none';
    const sex = sexes.get(v);
    if (!sex) {
      fail(el, sexAttr, 'unmapped_sex', P.adxBadSex(sexAttr, v, m?.adx.female ?? 'F', m?.adx.male ?? 'M'));
      return null;
    }
    return sex;
  };
  const unknownAttrs = (el: XmlElement, known: readonly string[]) => {
    let ok = true;
    for (const name of el.attrs.keys()) {
      if (known.includes(name) || name === sexAttr || isNamespaceAttr(name)) continue;
      fail(el, name, 'unknown_attribute', P.adxUnknownAttr(name, sexAttr));
      ok = false;
    }
    return ok;
  };

  for (const group of root.children) {
    if (group.name !== 'group') {
      fail(group, null, 'unexpected_element', P.adxUnexpected(group.qname, root.qname));
      continue;
    }
    let groupOk = unknownAttrs(group, ['orgUnit', 'period', 'dataSet', 'completeDate']);
    const ou = group.attrs.get('orgUnit');
    const pe = group.attrs.get('period');
    let region: string | null = null;
    let year = '';
    if (ou === undefined) {
      fail(group, 'orgUnit', 'missing_attribute', P.adxMissingAttr('orgUnit'));
      groupOk = false;
    } else if ((region = back.region(ou)) === null) {
      fail(group, 'orgUnit', 'unmapped', P.unmappedOrgUnit(ou));
      groupOk = false;
    }
    if (pe === undefined) {
      fail(group, 'period', 'missing_attribute', P.adxMissingAttr('period'));
      groupOk = false;
    } else if (!/^\d{4}-01-01\/P1Y$/.test(pe) || adxPeriod(Number(pe.slice(0, 4))) !== pe) {
      fail(group, 'period', 'bad_period', P.adxBadPeriod(pe));
      groupOk = false;
    } else year = pe.slice(0, 4);
    const ds = group.attrs.get('dataSet');
    if (ds !== undefined && m?.dataSet && ds !== m.dataSet)
      warn(group, 'dataSet', 'other_data_set', P.adxOtherDataSet(ds, m.dataSet));
    // without a mapping (no plan set on this computer yet) the default data set WDP_<PLAN> names the plan
    const planId = m?.planId ?? (ds && /^WDP_[A-Z]+$/.test(ds) ? ds.slice(4).toLowerCase() : '');
    const groupSex = sexOf(group);
    if (groupSex === null) groupOk = false;

    for (const dv of group.children) {
      if (dv.name !== 'dataValue') {
        fail(dv, null, 'unexpected_element', P.adxUnexpected(dv.qname, group.qname));
        continue;
      }
      for (const child of dv.children)
        if (child.name !== 'annotation')
          fail(child, null, 'unexpected_element', P.adxUnexpected(child.qname, dv.qname));
      let ok = unknownAttrs(dv, ['dataElement', 'value']) && groupOk;
      const de = dv.attrs.get('dataElement');
      const value = dv.attrs.get('value');
      let item: string | null = null;
      if (de === undefined) {
        fail(dv, 'dataElement', 'missing_attribute', P.adxMissingAttr('dataElement'));
        ok = false;
      } else if ((item = back.item(de)) === null) {
        fail(dv, 'dataElement', 'unmapped', P.unmappedDataElement(de));
        ok = false;
      }
      if (value === undefined || value.trim() === '') {
        fail(dv, 'value', 'missing_attribute', P.adxMissingAttr('value'));
        ok = false;
      }
      const own = sexOf(dv);
      if (own === null) ok = false;
      if (!ok) continue;
      const sex = own !== 'none' ? own : groupSex !== 'none' ? groupSex! : 'total';
      const where: Partial<Record<Field, [XmlElement, string]>> = {
        code: [dv, 'dataElement'],
        column: [dv.attrs.has(sexAttr) ? dv : group, sexAttr],
        regionCode: [group, 'orgUnit'],
        year: [group, 'period'],
        value: [dv, 'value'],
      };
      records.push({
        order: dv.line,
        at: (f) => {
          const w = f ? where[f] : undefined;
          return w ? at(w[0], w[1]) : at(dv, null);
        },
        fields: {
          kind: 'item',
          regionCode: region!,
          year,
          planId,
          code: item!,
          column: sex as string,
          value: value!.trim(),
          noDataReason: '',
        },
      });
    }
  }
  if (records.length === 0 && problems.every((p) => p.severity !== 'error'))
    problems.push(fileProblem(fileName, 'no_values', P.adxNoValues(fileName)));
  return { ok: true, format: 'adx', records, problems };
}
