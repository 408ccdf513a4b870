// Framework packages: the office that made a plan (a county, or a city for its own plan) exports its framework,
// signed with its own key; a township or department imports it. Everything in the package but the signature is
// signed (framework, export time, maker). The first package pins the maker's public key; later packages must
// carry the same key, be unaltered and newer. A refused package changes nothing.
import { z } from 'zod';
import { AppError } from '../../shared/api/envelope.ts';
import { checkFramework } from '../../shared/framework/assemble.ts';
import { FrameworkSchema, type Framework } from '../../shared/framework/schema.ts';
import { MESSAGES } from '../../shared/messages.ts';
import { getFrameworkVersion, insertFrameworkVersion } from '../db/repos/frameworks-repo.ts';
import { getSetting, setSetting } from '../db/repos/settings-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';
import { requireFramework } from '../frameworks/plans-service.ts';
import { getProfile } from '../settings/settings-service.ts';
import {
  fingerprint,
  ownPublicKey,
  signingPublicKey,
  signPayload,
  verifyPayload,
} from '../frameworks/signing-service.ts';
import { requireRegion } from '../frameworks/regions-service.ts';

const M = MESSAGES.frameworkPackage;
const PACKAGE_FORMAT = 'wdp-framework-package';
const MAX_PACKAGE_BYTES = 5 * 1024 * 1024;

const EnvelopeSchema = z.object({ format: z.literal(PACKAGE_FORMAT), formatVersion: z.number().int() });
const SignedPackageSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(2),
  exportedAt: z.string(),
  maker: z.object({ regionCode: z.string(), regionName: z.string(), publicKey: z.string().min(1) }),
  framework: z.unknown(),
  signature: z.string().min(1),
});

/** The key a township or department accepted with its first package of a plan. */
export interface PinnedKey {
  publicKey: string;
  fingerprint: string;
  regionCode: string;
  regionName: string;
  pinnedAt: string;
}
const pinSetting = (planId: string) => `package_key_pin:${planId}`;
export function pinnedKey(ctx: AppContext, planId: string): PinnedKey | null {
  const raw = getSetting(ctx.db, pinSetting(planId));
  return raw ? (JSON.parse(raw) as PinnedKey) : null;
}
/** Pins an office's key for a plan (in the caller's transaction); the first package or signed receipt does it. */
export function pinKey(ctx: AppContext, planId: string, key: PinnedKey): void {
  setSetting(ctx.db, pinSetting(planId), JSON.stringify(key));
}

export function exportFrameworkPackage(ctx: AppContext, planId: string): { fileName: string; bytesBase64: string } {
  const framework = requireFramework(ctx, planId);
  const office = framework.plan.region;
  const profile = getProfile(ctx);
  if (!profile || profile.regionCode !== office.code || (profile.role !== 'county' && profile.role !== 'city')) {
    throw new AppError('refused', M.exportNotOffice(office.name));
  }
  const region = requireRegion(ctx, profile.regionCode);
  const unsigned = {
    format: PACKAGE_FORMAT,
    formatVersion: 2,
    exportedAt: isoNow(ctx),
    maker: { regionCode: region.code, regionName: region.name, publicKey: signingPublicKey(ctx) },
    framework,
  };
  const body = { ...unsigned, signature: signPayload(ctx, unsigned) };
  return {
    fileName: M.fileName(office.name, framework.version),
    bytesBase64: Buffer.from(JSON.stringify(body, null, 1), 'utf8').toString('base64'),
  };
}

/** A deliberate re-pin: the new key's fingerprint as compared by phone, and why (after the county reinstalled its PC). */
export interface Repin {
  fingerprint: string;
  reason: string;
}
/** One re-pin, kept in the office's settings (the audit of pinned keys; a pin never changes silently). */
export interface RepinRecord {
  at: string;
  userName: string;
  from: string;
  to: string;
  regionName: string;
  reason: string;
}
const repinSetting = (planId: string) => `package_key_repins:${planId}`;
export function repinsOf(ctx: AppContext, planId: string): RepinRecord[] {
  const raw = getSetting(ctx.db, repinSetting(planId));
  return raw ? (JSON.parse(raw) as RepinRecord[]) : [];
}

/**
 * Checks a package completely before anything is written; returns the framework it carries and the maker's key.
 * A key other than the pinned one is refused, naming both fingerprints, unless `repin` names this package's
 * fingerprint exactly (the user compared it by phone): then `repinned` says what the pin changes from.
 */
export function readFrameworkPackage(
  ctx: AppContext,
  fileName: string,
  bytes: Buffer,
  repin?: Repin,
): { framework: Framework; maker: PinnedKey; repinned: PinnedKey | null } {
  if (bytes.length > MAX_PACKAGE_BYTES) throw new AppError('invalid_file', M.tooLarge(fileName));
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new AppError('invalid_file', M.notJson(fileName));
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) throw new AppError('invalid_file', M.notPackage(fileName));
  const pkg = SignedPackageSchema.safeParse(raw);
  if (!pkg.success) throw new AppError('refused', M.unsigned(fileName));
  // everything but the signature is signed, fields this version does not know included
  const { signature, ...payload } = raw as Record<string, unknown>;
  if (!verifyPayload(payload, pkg.data.maker.publicKey, String(signature)))
    throw new AppError('refused', M.altered(fileName));
  const parsed = FrameworkSchema.safeParse(pkg.data.framework);
  if (!parsed.success) {
    throw new AppError(
      'invalid_file',
      M.invalid(fileName),
      parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const framework = parsed.data;
  const maker: PinnedKey = {
    ...pkg.data.maker,
    fingerprint: fingerprint(pkg.data.maker.publicKey),
    pinnedAt: isoNow(ctx),
  };
  const pinned = pinnedKey(ctx, framework.plan.id);
  let repinned: PinnedKey | null = null;
  if (pinned && pinned.publicKey !== maker.publicKey) {
    if (!repin) {
      throw new AppError('refused', M.otherKey(fileName, maker.fingerprint, pinned.fingerprint, pinned.regionName), [
        { path: 'pinned', message: pinned.fingerprint },
        { path: 'fingerprint', message: maker.fingerprint },
      ]);
    }
    if (repin.fingerprint.trim().toUpperCase() !== maker.fingerprint)
      throw new AppError('refused', M.repinMismatch(repin.fingerprint.trim(), maker.fingerprint));
    repinned = pinned;
  }
  if (maker.regionCode !== framework.plan.region.code)
    throw new AppError('refused', M.notPlanOffice(fileName, maker.regionName, framework.plan.region.name));
  const problems = checkFramework(framework);
  if (problems.length > 0)
    throw new AppError(
      'invalid_file',
      M.invalid(fileName),
      problems.slice(0, 20).map((p) => ({ path: '', message: p })),
    );
  const profile = getProfile(ctx);
  if (profile && profile.planId !== framework.plan.id)
    throw new AppError('refused', M.otherPlan(fileName, framework.plan.name));
  const current = getFrameworkVersion(ctx.db, framework.plan.id);
  if (current && current.version >= framework.version) {
    throw new AppError('refused', M.notNewer(fileName, framework.version, current.version));
  }
  return { framework, maker, repinned };
}

export function importFrameworkPackage(
  ctx: AppContext,
  fileName: string,
  bytes: Buffer,
  options: { repin?: Repin } = {},
) {
  const { framework, maker, repinned } = readFrameworkPackage(ctx, fileName, bytes, options.repin);
  const planId = framework.plan.id;
  const first = !pinnedKey(ctx, planId);
  ctx.db.transaction(() => {
    insertFrameworkVersion(ctx.db, framework, 'imported', isoNow(ctx));
    if (first || repinned) pinKey(ctx, planId, maker);
    if (repinned) {
      const record: RepinRecord = {
        at: isoNow(ctx),
        userName: getProfile(ctx)?.userName ?? '',
        from: repinned.fingerprint,
        to: maker.fingerprint,
        regionName: maker.regionName,
        reason: options.repin!.reason.trim(),
      };
      setSetting(ctx.db, repinSetting(planId), JSON.stringify([...repinsOf(ctx, planId), record]));
    }
  })();
  if (repinned)
    ctx.log.info(`framework package key re-pinned plan=${planId} from=${repinned.fingerprint} to=${maker.fingerprint}`);
  return {
    planId,
    version: framework.version,
    ...(first ? { pinned: { fingerprint: maker.fingerprint, regionName: maker.regionName } } : {}),
    ...(repinned
      ? {
          repinned: {
            from: repinned.fingerprint,
            to: maker.fingerprint,
            message: M.repinned(maker.regionName, repinned.fingerprint, maker.fingerprint),
          },
        }
      : {}),
  };
}

/** What the framework page shows: this office's key fingerprint and the key pinned for the plan. */
export function signingInfo(ctx: AppContext, planId: string) {
  const own = ownPublicKey(ctx);
  const pin = pinnedKey(ctx, planId);
  return {
    own: own ? fingerprint(own) : null,
    pinned: pin ? { fingerprint: pin.fingerprint, regionName: pin.regionName, pinnedAt: pin.pinnedAt } : null,
    repins: repinsOf(ctx, planId),
  };
}
