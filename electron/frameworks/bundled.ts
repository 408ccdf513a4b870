// Reads the framework files shipped in resources/frameworks and assembles one framework per plan.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleFramework, type PlanFile } from '../../shared/framework/assemble.ts';
import { AREA_CODES, type CatalogueArea, type Framework, type PlanArea } from '../../shared/framework/schema.ts';

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`无法读取框架文件 ${file}：${(error as Error).message}`);
  }
};

export function loadCatalogue(frameworksDir: string): CatalogueArea[] {
  return AREA_CODES.map((area) => join(frameworksDir, 'catalogue', `${area}.json`))
    .filter((file) => existsSync(file))
    .map((file) => readJson(file) as CatalogueArea);
}

export function listBundledPlanIds(frameworksDir: string): string[] {
  return readdirSync(join(frameworksDir, 'plans'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The shipped version of each plan, read from its plan.json alone (cheap: nothing is assembled). */
export function bundledPlanVersions(frameworksDir: string): { planId: string; version: number }[] {
  return listBundledPlanIds(frameworksDir).map((planId) => {
    const plan = readJson(join(frameworksDir, 'plans', planId, 'plan.json')) as { version?: unknown };
    return { planId, version: typeof plan.version === 'number' ? plan.version : Number.POSITIVE_INFINITY };
  });
}

export function loadBundledFramework(
  frameworksDir: string,
  planId: string,
  catalogue = loadCatalogue(frameworksDir),
): Framework {
  const dir = join(frameworksDir, 'plans', planId);
  const plan = readJson(join(dir, 'plan.json')) as PlanFile;
  const areas = AREA_CODES.map((area) => join(dir, `${area}.json`))
    .filter((file) => existsSync(file))
    .map((file) => readJson(file) as PlanArea);
  return assembleFramework({ plan, catalogue, areas });
}

export function loadBundledFrameworks(frameworksDir: string): Framework[] {
  const catalogue = loadCatalogue(frameworksDir);
  return listBundledPlanIds(frameworksDir).map((id) => loadBundledFramework(frameworksDir, id, catalogue));
}
