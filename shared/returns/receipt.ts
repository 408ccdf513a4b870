// 回执 (receipt): the receiving office's acknowledgement of one received version — who received it, which return
// (unit, year, plan), the SHA-256 of the very file received, when and what was decided (审核通过 or 退回) and the
// office's remark. A small JSON file the unit imports; hostile until checked: size, strict schema, its own checksum,
// and the office's Ed25519 signature against the office key the unit has pinned.
import { z } from 'zod';
import { RegionCodeSchema, YearSchema } from './schema.ts';

export const RECEIPT_FORMAT = 'wdp-monitor/receipt';
/** A receipt is a few hundred bytes; anything much larger is not one. */
export const RECEIPT_MAX_BYTES = 16 * 1024;

const Text = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/);
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ReceiptBodySchema = z.strictObject({
  format: z.literal(RECEIPT_FORMAT),
  version: z.literal(1),
  office: z.strictObject({ code: RegionCodeSchema, name: Text(60).min(1) }),
  unit: z.strictObject({ code: RegionCodeSchema, name: Text(60).min(1), department: Text(20) }),
  year: YearSchema,
  plan: z.strictObject({ id: Text(40).min(1), name: Text(200), frameworkVersion: z.number().int().positive() }),
  file: z.strictObject({
    name: Text(255).min(1),
    sha256: Hex64,
    reportedOn: IsoDate.nullable(),
    valuesChecksum: Hex64.nullable(),
  }),
  decision: z.enum(['accepted', 'returned']),
  decidedAt: z.iso.datetime(),
  decidedBy: Text(40),
  remark: Text(1000),
});
export type ReceiptBody = z.infer<typeof ReceiptBodySchema>;

const Base64 = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/);
/** The receiving office's Ed25519 signature over the receipt (body and checksum): its public key (SPKI, base64) and the signature. */
export const ReceiptSignatureSchema = z.strictObject({ publicKey: Base64(200), value: Base64(200) });

export const ReceiptSchema = z.strictObject({
  ...ReceiptBodySchema.shape,
  checksum: Hex64,
  signature: ReceiptSignatureSchema,
});
export type Receipt = z.infer<typeof ReceiptSchema>;
/** What the office signs: the receipt without its signature. */
export type SignedReceiptContent = Omit<Receipt, 'signature'>;

/** The canonical text the receipt's checksum is taken over (any edit to any field shows). */
export function canonicalReceipt(r: ReceiptBody): string {
  return [
    `format=${r.format}`,
    `version=${r.version}`,
    `office=${r.office.code}|${r.office.name}`,
    `unit=${r.unit.code}|${r.unit.name}|${r.unit.department}`,
    `year=${r.year}`,
    `plan=${r.plan.id}|${r.plan.name}|${r.plan.frameworkVersion}`,
    `file=${r.file.name}|${r.file.sha256}|${r.file.reportedOn ?? ''}|${r.file.valuesChecksum ?? ''}`,
    `decision=${r.decision}`,
    `at=${r.decidedAt}`,
    `by=${r.decidedBy}`,
    `remark=${r.remark}`,
  ].join('\n');
}

/** What the unit's home page shows of the latest receipt of a return. */
export const ReceiptViewSchema = z.object({
  office: z.string(),
  decision: z.enum(['accepted', 'returned']),
  decidedAt: z.string(),
  remark: z.string(),
  fileName: z.string(),
});
export type ReceiptView = z.infer<typeof ReceiptViewSchema>;
