// Every shipped framework piece validates, traces to the plan text, and assembles.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AREA_CODES, CatalogueAreaSchema, PlanAreaSchema } from '../../../shared/framework/schema.ts';
import { indicatorItems } from '../../../shared/framework/assemble.ts';
import { listBundledPlanIds, loadBundledFrameworks, loadCatalogue } from '../../../electron/frameworks/bundled.ts';
import { FRAMEWORKS_DIR, SEEDS_DIR, SEEDS_PRESENT, warnIfSeedsMissing } from '../../helpers/paths.ts';

warnIfSeedsMissing('plan-quote audit');

/** Plans are compared without any white space: the PDF-extracted texts break lines mid-sentence. */
const squash = (text: string) => text.replace(/\s+/g, '');
const planIds = listBundledPlanIds(FRAMEWORKS_DIR);
const catalogue = loadCatalogue(FRAMEWORKS_DIR);

describe('catalogue', () => {
  it('has one valid file per area with unique codes and sound references', () => {
    expect(catalogue.map((c) => c.area)).toEqual([...AREA_CODES]);
    for (const c of catalogue) CatalogueAreaSchema.parse(c);
    const indicatorCodes = catalogue.flatMap((c) => c.indicators.map((i) => i.code));
    const itemCodes = catalogue.flatMap((c) => c.dataItems.map((d) => d.code));
    expect(new Set(indicatorCodes).size).toBe(indicatorCodes.length);
    expect(new Set(itemCodes).size).toBe(itemCodes.length);
    const items = new Set(itemCodes);
    for (const indicator of catalogue.flatMap((c) => c.indicators)) {
      for (const item of indicatorItems(indicator)) expect(items.has(item), `${indicator.code} → ${item}`).toBe(true);
    }
  });
});

describe.each(planIds)('plan %s', (planId) => {
  const plan = JSON.parse(readFileSync(join(FRAMEWORKS_DIR, 'plans', planId, 'plan.json'), 'utf8'));
  const areaFiles = AREA_CODES.map((area) => join(FRAMEWORKS_DIR, 'plans', planId, `${area}.json`));
  const areas = () => areaFiles.map((file) => PlanAreaSchema.parse(JSON.parse(readFileSync(file, 'utf8'))));

  it.each(AREA_CODES.map((a, i) => [a, areaFiles[i]]))('area %s is valid and numbered', (_area, file) => {
    expect(existsSync(file), `${file} 缺失`).toBe(true);
    const area = PlanAreaSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    for (const target of area.targets) {
      expect(target.source.file).toBe(plan.plan.sourceFile);
      expect(target.id.startsWith(`${planId}-`)).toBe(true);
    }
    expect(area.objectives.map((o) => o.item)).toEqual(area.objectives.map((_, i) => i + 1));
  });

  // The data audit: every objective and target quote is found verbatim in the plan document.
  it.runIf(SEEDS_PRESENT)('quotes the plan document verbatim', () => {
    const seed = squash(readFileSync(join(SEEDS_DIR, plan.plan.sourceFile), 'utf8'));
    for (const area of areas()) {
      for (const objective of area.objectives) {
        expect(
          seed.includes(squash(objective.text)),
          `${area.area} 主要目标 ${objective.item}：${objective.text}`,
        ).toBe(true);
      }
      for (const target of area.targets) {
        expect(seed.includes(squash(target.source.quote)), `${target.id}：${target.source.quote}`).toBe(true);
      }
    }
  });
});

describe('assembled frameworks', () => {
  it('assemble for every plan with every cross-reference sound', () => {
    const frameworks = loadBundledFrameworks(FRAMEWORKS_DIR);
    expect(frameworks.map((f) => f.plan.id).sort()).toEqual(['jiahe', 'jinkouhe', 'jiutai', 'kelan', 'taobei']);
    const objectives = frameworks.reduce((n, f) => n + f.areas.reduce((m, a) => m + a.objectives.length, 0), 0);
    expect(objectives).toBeGreaterThanOrEqual(360);
  });
});
