import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/api/envelope.ts';
import { RegionSchema, type Region } from '../../shared/api/regions-contract.ts';
import { childRegions, countRegions, getRegion, replaceRegions } from '../db/repos/regions-repo.ts';
import { getSetting, setSetting } from '../db/repos/settings-repo.ts';
import type { AppContext } from '../context/app-context.ts';
import { MESSAGES } from '../../shared/messages.ts';

const RegionsFileSchema = z.object({ source: z.string(), vintage: z.number().int(), regions: z.array(RegionSchema) });

/** Loads the shipped region table when the database has none or an older vintage. */
export function seedRegions(ctx: AppContext): void {
  const raw = JSON.parse(readFileSync(join(ctx.paths.resourcesDir, 'regions', 'regions.json'), 'utf8')) as {
    vintage?: unknown;
    regions?: unknown;
  } | null;
  // the table already holds this vintage (every start but the first after an update): nothing is written, so the
  // 3,600 regions need no checking (~8 ms of every command line start)
  const stated = Array.isArray(raw?.regions) ? `${raw.vintage}:${raw.regions.length}` : null;
  if (stated !== null && countRegions(ctx.db) > 0 && getSetting(ctx.db, 'regions_vintage') === stated) return;
  const file = RegionsFileSchema.parse(raw);
  const vintage = `${file.vintage}:${file.regions.length}`;
  ctx.db.transaction(() => {
    replaceRegions(ctx.db, file.regions);
    setSetting(ctx.db, 'regions_vintage', vintage);
  })();
}

export function regionVintage(ctx: AppContext): number {
  return Number((getSetting(ctx.db, 'regions_vintage') ?? '0').split(':')[0]);
}

export function requireRegion(ctx: AppContext, code: string): Region {
  const region = getRegion(ctx.db, code);
  if (!region) throw new AppError('not_found', MESSAGES.app.unknownRegion(code));
  return region;
}

/** A region with the chain of its parents, top first. */
export function regionWithPath(ctx: AppContext, code: string): Region & { path: Region[] } {
  const region = requireRegion(ctx, code);
  const path: Region[] = [];
  for (let parent = region.parent; parent; ) {
    const up = getRegion(ctx.db, parent);
    if (!up) break;
    path.unshift(up);
    parent = up.parent;
  }
  return { ...region, path };
}

export const listChildRegions = (ctx: AppContext, code: string): Region[] => childRegions(ctx.db, code);
