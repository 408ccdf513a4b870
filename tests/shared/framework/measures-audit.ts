// The measures audit: reads the 策略措施 chapters of a plan text and finds every clause that carries a number with a
// unit, 全覆盖 / 全面覆盖 / 实现…覆盖, 100%, or a bound (以上 / 以下 / 不低于 / 不少于 …). Each such hit must either be
// quoted by a target of the plan (section 策略措施, same item) or be listed in resources/frameworks/measures-audit.json
// with the reason it is not a monitorable target. Pure text functions; the test reads the files.
import { AREA_CODES, type AreaCode } from '../../../shared/framework/schema.ts';

/** The plans' texts are PDF extractions that break lines mid-sentence: compare without white space. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

export interface Measure {
  area: AreaCode;
  item: number;
  text: string;
}
export interface MeasureHit {
  area: AreaCode;
  item: number;
  clause: string;
  sentence: string;
  matches: string[];
}

const MEASURES_HEADING = /^策略措施[:：]?$/;
const GOALS_HEADING = /^主要目标[:：]?$/;
const AREA_HEADING = /^[（(]\s*[一二三四五六七八]\s*[）)]\s*妇女/;
const CHAPTER_HEADING = /^[三四五六]、/;
const ITEM_START = /^([0-9０-９]{1,2})\s*[.．、]\s*/;
/** Full-width digits (１.) as some plan texts number their items. */
const digits = (s: string): number => Number(s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));

/**
 * The numbered measures of each area's 策略措施 section, in plan order. A numbered line continues the list only when
 * its number is the next one (a line beginning with a year or a count is a continuation, not a new item).
 */
export function parseMeasures(seed: string): Measure[] {
  const lines = seed.split(/\r?\n/).map((l) => l.trim());
  const measures: Measure[] = [];
  let areaIndex = -1;
  let inMeasures = false;
  let current: Measure | undefined;
  for (const line of lines) {
    if (MEASURES_HEADING.test(line)) {
      areaIndex += 1;
      inMeasures = true;
      current = undefined;
      continue;
    }
    if (!inMeasures) continue;
    if (GOALS_HEADING.test(line) || AREA_HEADING.test(line) || CHAPTER_HEADING.test(line)) {
      inMeasures = false;
      current = undefined;
      continue;
    }
    const start = ITEM_START.exec(line);
    const next: number = (current?.item ?? 0) + 1;
    if (start && digits(start[1]!) === next) {
      current = { area: AREA_CODES[areaIndex]!, item: next, text: line.slice(start[0].length) };
      measures.push(current);
    } else if (current) {
      current.text += line;
    }
  }
  return measures;
}

/** Number + unit: percentages, per-mille, per 10万, counts of institutions, people, places, times. */
const NUMBER_UNIT =
  /(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)\s*(?:%|％|‰|\/10万|\/万|万|个|所|家|人|名|项|次|张|岁|小时|天|周|倍|户|床|元|成|支|处|座|级)/g;
/** Coverage and bound words that make a measure a monitorable target even without a printed number. */
const KEYWORDS =
  /全覆盖|全面(?!发展|建设社会主义)|达到|控制在|覆盖率|实现[^，。；]{0,20}覆盖|普及率|达到[^，。；]{0,30}以上|以上|以下|以内|不低于|不高于|不超过|不少于|至少|每个|每所|每年/g;

/** Splits a measure into sentences (。；！？) and those into clauses (，：). */
function sentencesOf(text: string): string[] {
  return squash(text)
    .split(/(?<=[。；！？;])/)
    .filter((s) => s.length > 0);
}
function clausesOf(sentence: string): string[] {
  return sentence.split(/(?<=[，：,:])/).filter((s) => s.length > 0);
}

/** Every clause of the measures with a number+unit or a coverage / bound word. */
export function findHits(measures: readonly Measure[]): MeasureHit[] {
  const hits: MeasureHit[] = [];
  for (const m of measures) {
    for (const sentence of sentencesOf(m.text)) {
      for (const clause of clausesOf(sentence)) {
        const matches = [...clause.matchAll(NUMBER_UNIT), ...clause.matchAll(KEYWORDS)].map((x) => x[0]);
        if (matches.length > 0)
          hits.push({ area: m.area, item: m.item, clause: stripPunct(clause), sentence, matches });
      }
    }
  }
  return hits;
}

/** A clause without its closing punctuation: what the audit file and the tests name a hit by. */
export const stripPunct = (clause: string): string => clause.replace(/[，：。；！？,:;]+$/, '');
