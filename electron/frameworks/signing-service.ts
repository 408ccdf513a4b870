// Each office's signing key: Ed25519, made on first use and kept in the database's settings. Only the public
// key and its fingerprint ever leave this module; the private key is never returned, exported or logged.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { getSetting, setSetting } from '../db/repos/settings-repo.ts';
import { isoNow, type AppContext } from '../context/app-context.ts';

const KEY_SETTING = 'signing_key';

interface StoredKey {
  privateKeyPem: string;
  publicKey: string;
  createdAt: string;
}

/** A stable text of a JSON value: object keys sorted, so the signature covers meaning, not key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short fingerprint of a public key (SPKI DER, base64) to compare by phone: 16 hex digits in four groups. */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

function storedKey(ctx: AppContext): StoredKey | null {
  const raw = getSetting(ctx.db, KEY_SETTING);
  return raw ? (JSON.parse(raw) as StoredKey) : null;
}

/** This office's key, made and stored on first use. */
function ensureKey(ctx: AppContext): StoredKey {
  const existing = storedKey(ctx);
  if (existing) return existing;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key: StoredKey = {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    createdAt: isoNow(ctx),
  };
  setSetting(ctx.db, KEY_SETTING, JSON.stringify(key));
  return key;
}

/** This office's public key, the key pair made now if there is none. */
export function signingPublicKey(ctx: AppContext): string {
  return ensureKey(ctx).publicKey;
}

/** The public half of this office's key, or null before the first signature. */
export function ownPublicKey(ctx: AppContext): string | null {
  return storedKey(ctx)?.publicKey ?? null;
}

/** Signs the canonical text of `payload` with this office's key (made now if there is none). */
export function signPayload(ctx: AppContext, payload: unknown): string {
  const key = ensureKey(ctx);
  return sign(null, Buffer.from(canonicalJson(payload), 'utf8'), createPrivateKey(key.privateKeyPem)).toString(
    'base64',
  );
}

/** True when `signature` is `publicKey`'s signature of the canonical text of `payload`; false for any malformed input. */
export function verifyPayload(payload: unknown, publicKey: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(canonicalJson(payload), 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
