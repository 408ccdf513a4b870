// Assembles a plan's framework from the shared catalogue and the plan's own target files,
// and checks the cross-references zod cannot see. Pure: callers do the reading.
import { z } from 'zod';
import {
  AREA_CODES,
  CatalogueAreaSchema,
  FrameworkSchema,
  PlanAreaSchema,
  PlanMetaSchema,
  type CatalogueArea,
  type Framework,
  type Indicator,
  type PlanArea,
} from './schema.ts';

export const PlanFileSchema = z.object({ version: z.number().int().positive(), plan: PlanMetaSchema });
export type PlanFile = z.infer<typeof PlanFileSchema>;

export interface FrameworkSources {
  plan: PlanFile;
  catalogue: CatalogueArea[];
  areas: PlanArea[];
}

/** Builds the framework of one plan: only the indicators its targets use, and the data items those need. */
export function assembleFramework(sources: FrameworkSources): Framework {
  const plan = PlanFileSchema.parse(sources.plan);
  const catalogue = sources.catalogue.map((c) => CatalogueAreaSchema.parse(c));
  const areas = AREA_CODES.map((code) => {
    const area = sources.areas.find((a) => a.area === code);
    if (!area) throw new Error(`规划 ${plan.plan.id} 缺少领域 ${code}`);
    return PlanAreaSchema.parse(area);
  });
  const indicatorByCode = new Map(catalogue.flatMap((c) => c.indicators).map((i) => [i.code, i]));
  const itemByCode = new Map(catalogue.flatMap((c) => c.dataItems).map((d) => [d.code, d]));
  const used = new Set<string>();
  const addIndicator = (code: string) => {
    const indicator = indicatorByCode.get(code);
    if (!indicator || used.has(code)) return;
    used.add(code);
  };
  for (const area of areas) {
    for (const target of area.targets) {
      addIndicator(target.indicator);
      if (target.rule.kind === 'relative') addIndicator(target.rule.indicator);
    }
  }
  const indicators = [...indicatorByCode.values()].filter((i) => used.has(i.code));
  const itemCodes = new Set(indicators.flatMap(indicatorItems));
  const dataItems = [...itemByCode.values()].filter((d) => itemCodes.has(d.code));
  const framework = FrameworkSchema.parse({
    plan: plan.plan,
    version: plan.version,
    release: plan.version,
    areas,
    dataItems,
    indicators,
  });
  const problems = checkFramework(framework, catalogue);
  if (problems.length > 0) throw new Error(`规划 ${plan.plan.id} 的指标框架有误：\n${problems.join('\n')}`);
  return framework;
}

/** The data item codes an indicator reads. */
export function indicatorItems(indicator: Indicator): string[] {
  if (indicator.kind === 'ratio') return [indicator.numerator.item, indicator.denominator.item];
  if (indicator.kind === 'value') return [indicator.source.item];
  return [];
}

/** Cross-reference problems of a framework, in Chinese; empty when sound. */
export function checkFramework(framework: Framework, catalogue: CatalogueArea[] = []): string[] {
  const problems: string[] = [];
  const dup = (codes: string[], what: string) => {
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) problems.push(`${what}代码重复：${code}`);
      seen.add(code);
    }
  };
  const allIndicators = catalogue.length ? catalogue.flatMap((c) => c.indicators) : framework.indicators;
  const allItems = catalogue.length ? catalogue.flatMap((c) => c.dataItems) : framework.dataItems;
  dup(
    allIndicators.map((i) => i.code),
    '指标',
  );
  dup(
    allItems.map((d) => d.code),
    '数据项',
  );
  dup(
    framework.areas.flatMap((a) => a.targets.map((t) => t.id)),
    '目标',
  );
  const items = new Map(framework.dataItems.map((d) => [d.code, d]));
  const indicators = new Map(framework.indicators.map((i) => [i.code, i]));
  for (const c of catalogue) {
    for (const i of c.indicators)
      if (i.area !== c.area) problems.push(`指标 ${i.code} 的领域 ${i.area} 与所在目录 ${c.area} 不符`);
  }
  for (const indicator of framework.indicators) {
    const refs =
      indicator.kind === 'ratio'
        ? [indicator.numerator, indicator.denominator]
        : indicator.kind === 'value'
          ? [indicator.source]
          : [];
    for (const ref of refs) {
      const item = items.get(ref.item);
      if (!item) {
        problems.push(`指标 ${indicator.code} 引用了不存在的数据项 ${ref.item}`);
        continue;
      }
      if (ref.sex === 'male' && item.sex !== 'total_female_male')
        problems.push(`指标 ${indicator.code} 引用 ${ref.item} 的男性栏，但该数据项不分男`);
      if (ref.sex === 'female' && item.sex === 'single')
        problems.push(`指标 ${indicator.code} 引用 ${ref.item} 的女性栏，但该数据项不分性别`);
    }
  }
  for (const area of framework.areas) {
    const items = new Set(area.objectives.map((o) => o.item));
    for (const target of area.targets) {
      const indicator = indicators.get(target.indicator);
      if (!indicator) {
        problems.push(`目标 ${target.id} 引用了不存在的指标 ${target.indicator}`);
        continue;
      }
      if (indicator.area !== area.area)
        problems.push(`目标 ${target.id} 的指标 ${indicator.code} 不属于领域 ${area.area}`);
      const qualitativeRule = target.rule.kind === 'qualitative';
      if (qualitativeRule !== (indicator.kind === 'qualitative'))
        problems.push(`目标 ${target.id}：定性规则只能配定性指标，数值规则只能配数值指标`);
      if (target.rule.kind === 'relative' && !indicators.has(target.rule.indicator))
        problems.push(`目标 ${target.id} 比较的指标 ${target.rule.indicator} 不存在`);
      if (target.source.section === '主要目标' && !items.has(target.source.item))
        problems.push(`目标 ${target.id} 指向不存在的主要目标第 ${target.source.item} 条`);
    }
    for (const objective of area.objectives) {
      if (!area.targets.some((t) => t.source.section === '主要目标' && t.source.item === objective.item)) {
        problems.push(`${area.area} 主要目标第 ${objective.item} 条没有对应的监测目标`);
      }
    }
  }
  return problems;
}
