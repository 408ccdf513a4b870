// Framework packages: a county exports its (possibly locally adjusted) framework; a township imports it.
// The file is validated, checksummed and versioned; a malformed, older or foreign package changes nothing.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/api/envelope.ts';
import { checkFramework } from '../../shared/framework/assemble.ts';
import { FrameworkSchema, type Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { getFrameworkVersion, insertFrameworkVersion } from '../db/repos/frameworks-repo.ts';
import { isoNow, type AppContext } from './context.ts';
import { requireFramework } from './plans-service.ts';
import { getProfile } from './settings-service.ts';

const M = MESSAGES.frameworkPackage;
export const PACKAGE_FORMAT = 'wdp-framework-package';
export const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

const PackageSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  framework: z.unknown(),
});

const digest = (framework: unknown) => createHash('sha256').update(JSON.stringify(framework)).digest('hex');

export function exportFrameworkPackage(ctx: AppContext, planId: string): { fileName: string; bytesBase64: string } {
  const framework = requireFramework(ctx, planId);
  const body = { format: PACKAGE_FORMAT, formatVersion: 1, exportedAt: isoNow(ctx), sha256: digest(framework), framework };
  return {
    fileName: M.fileName(framework.plan.region.name, framework.version),
    bytesBase64: Buffer.from(JSON.stringify(body, null, 1), 'utf8').toString('base64'),
  };
}

/** Checks a package completely before anything is written; returns the framework it carries. */
export function readFrameworkPackage(ctx: AppContext, fileName: string, bytes: Buffer): Framework {
  if (bytes.length > MAX_PACKAGE_BYTES) throw new AppError('invalid_file', M.tooLarge(fileName));
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('invalid_file', M.notJson(fileName));
  }
  const pkg = PackageSchema.safeParse(raw);
  if (!pkg.success) throw new AppError('invalid_file', M.notPackage(fileName));
  if (digest(pkg.data.framework) !== pkg.data.sha256) throw new AppError('invalid_file', M.checksum(fileName));
  const parsed = FrameworkSchema.safeParse(pkg.data.framework);
  if (!parsed.success) {
    throw new AppError('invalid_file', M.invalid(fileName), parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const problems = checkFramework(parsed.data);
  if (problems.length > 0) throw new AppError('invalid_file', M.invalid(fileName), problems.slice(0, 20).map((p) => ({ path: '', message: p })));
  const framework = parsed.data;
  const profile = getProfile(ctx);
  if (profile && profile.planId !== framework.plan.id) throw new AppError('refused', M.otherPlan(fileName, framework.plan.name));
  const current = getFrameworkVersion(ctx.db, framework.plan.id);
  if (current && current.version >= framework.version) {
    throw new AppError('refused', M.notNewer(fileName, framework.version, current.version));
  }
  return framework;
}

export function importFrameworkPackage(ctx: AppContext, fileName: string, bytes: Buffer) {
  const framework = readFrameworkPackage(ctx, fileName, bytes);
  ctx.db.transaction(() => insertFrameworkVersion(ctx.db, framework, 'imported', isoNow(ctx)))();
  return { planId: framework.plan.id, version: framework.version };
}
