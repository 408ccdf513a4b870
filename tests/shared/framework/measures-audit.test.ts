// The measures audit: every clause of a plan's 策略措施 that carries a number with a unit, 全覆盖, 全面, 达到…以上 and the
// like is either quoted by a measure target of that plan (same area, same item) or listed in
// resources/frameworks/measures-audit.json with the reason it is not one. A plan edit cannot drop a measure silently.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AREA_CODES,
  AreaCodeSchema,
  PlanAreaSchema,
  type AreaCode,
  type PlanArea,
} from '../../../shared/framework/schema.ts';
import { FRAMEWORKS_DIR, SEEDS_DIR, SEEDS_PRESENT, warnIfSeedsMissing } from '../../helpers/paths.ts';
import { findHits, parseMeasures, squash, type MeasureHit } from './measures-audit.ts';
import { PLAN_IDS } from './target-tables.ts';

const AuditSchema = z.object({
  about: z.string().min(1),
  entries: z.array(
    z
      .object({
        plan: z.enum(PLAN_IDS),
        area: AreaCodeSchema,
        item: z.number().int().positive(),
        clause: z.string().min(2),
        reason: z.string().min(8),
        target: z.string().optional(),
      })
      .strict(),
  ),
});
warnIfSeedsMissing('measures audit');
const audit = AuditSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'measures-audit.json'), 'utf8')));
const readArea = (plan: string, area: AreaCode): PlanArea =>
  PlanAreaSchema.parse(JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', plan, `${area}.json`), 'utf8')));
const sourceFile = (plan: string): string =>
  (
    JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', plan, 'plan.json'), 'utf8')) as {
      plan: { sourceFile: string };
    }
  ).plan.sourceFile;
const key = (plan: string, h: { area: string; item: number; clause: string }) =>
  `${plan} ${h.area} 策略措施${h.item}：${h.clause}`;
/** The runs of four characters a target's text shares with a clause: the target is about that clause, not just beside it. */
const sharesRun = (text: string, clause: string): boolean => {
  const t = squash(text);
  for (let i = 0; i + 4 <= t.length; i += 1) if (clause.includes(t.slice(i, i + 4))) return true;
  return false;
};

describe('measures parser', () => {
  const sample = [
    '二、发展领域、主要目标和策略措施',
    '（一）妇女与健康',
    '主要目标：',
    '1.孕产妇死亡率控制在12/10万以下。',
    '策略措施：',
    '1.健全制度。推进城乡社区妇女议事会实现全覆盖并有效运行。',
    '2025年，孕产妇系统管理率',
    '达到90%以上。',
    '１.并非下条。',
    '2.在健全覆盖全民的社会保障体系工作中，加强宣传。',
    '（二）妇女与教育',
    '主要目标：',
    '1.目标。',
    '策略措施：',
    '１.完善机制。引导妇女增强“四个意识”。',
    '三、组织实施',
    '1.不属于策略措施。',
  ].join('\n');

  it('numbers the measures of each area, joining broken lines and reading full-width digits', () => {
    const measures = parseMeasures(sample);
    expect(measures.map((m) => [m.area, m.item])).toEqual([
      ['health', 1],
      ['health', 2],
      ['education', 1],
    ]);
    expect(measures[0]!.text).toBe(
      '健全制度。推进城乡社区妇女议事会实现全覆盖并有效运行。2025年，孕产妇系统管理率达到90%以上。１.并非下条。',
    );
  });

  it('finds clauses with a number and unit, 全覆盖 or a bound, and nothing else', () => {
    const hits = findHits(parseMeasures(sample)).map((h) => [h.area, h.item, h.clause]);
    expect(hits).toEqual([
      ['health', 1, '推进城乡社区妇女议事会实现全覆盖并有效运行'],
      ['health', 1, '孕产妇系统管理率达到90%以上'],
      ['health', 2, '在健全覆盖全民的社会保障体系工作中'],
      ['education', 1, '引导妇女增强“四个意识”'],
    ]);
  });
});

describe('measures audit file', () => {
  it('names existing targets of the same plan and area, each entry once', () => {
    const seen = new Set<string>();
    for (const e of audit.entries) {
      expect(seen.has(key(e.plan, e)), `重复：${key(e.plan, e)}`).toBe(false);
      seen.add(key(e.plan, e));
      if (e.target)
        expect(
          readArea(e.plan, e.area).targets.some((t) => t.id === e.target),
          `${key(e.plan, e)} → ${e.target}`,
        ).toBe(true);
    }
  });
});

describe.runIf(SEEDS_PRESENT).each(PLAN_IDS)('measures of plan %s', (plan) => {
  // read when a test runs, not while the suite is collected: a fresh clone has no plan documents, and vitest calls
  // this body even when the suite is skipped
  let read: ReturnType<typeof readPlan> | undefined;
  const readPlan = () => {
    const measures = parseMeasures(readFileSync(join(SEEDS_DIR, sourceFile(plan)), 'utf8'));
    const areas = new Map(AREA_CODES.map((a) => [a, readArea(plan, a)]));
    const measureTargets = (h: MeasureHit) =>
      areas
        .get(h.area)!
        .targets.filter(
          (t) =>
            t.source.section === '策略措施' && t.source.item === h.item && squash(t.source.quote).includes(h.clause),
        );
    return {
      measures,
      hits: findHits(measures),
      areas,
      entries: audit.entries.filter((e) => e.plan === plan),
      measureTargets,
    };
  };
  const planData = () => {
    read ??= readPlan();
    return read;
  };

  it('reads the 策略措施 of all eight areas', () => {
    const { measures } = planData();
    expect([...new Set(measures.map((m) => m.area))]).toEqual([...AREA_CODES]);
  });

  it('quotes every measure target from the measure its item number names', () => {
    const { measures, areas } = planData();
    for (const [area, doc] of areas) {
      for (const t of doc.targets.filter((x) => x.source.section === '策略措施')) {
        const measure = measures.find((m) => m.area === area && m.item === t.source.item);
        expect(
          measure && squash(measure.text).includes(squash(t.source.quote)),
          `${t.id}：策略措施第${t.source.item}项中没有“${t.source.quote}”`,
        ).toBe(true);
      }
    }
  });

  it('encodes every hit as a target or lists it in the audit file with a reason, never both', () => {
    const { hits, entries, measureTargets } = planData();
    const listed = new Set(entries.map((e) => key(plan, e)));
    const problems: string[] = [];
    for (const h of hits) {
      const targets = measureTargets(h);
      const k = key(plan, h);
      if (targets.length > 0 && listed.has(k)) problems.push(`既有目标又列为不设目标：${k}`);
      if (targets.length === 0 && !listed.has(k)) problems.push(`既未编码也未说明：${k}`);
      if (targets.length > 0 && !targets.some((t) => sharesRun(t.text, h.clause)))
        problems.push(`引文含此分句但目标表述与之无关：${k}`);
    }
    expect(problems).toEqual([]);
  });

  it('lists in the audit file only clauses the plan still has', () => {
    const { hits, entries } = planData();
    const found = new Set(hits.map((h) => key(plan, h)));
    expect(entries.map((e) => key(plan, e)).filter((k) => !found.has(k))).toEqual([]);
  });
});
