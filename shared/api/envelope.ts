// How every call's result crosses a process boundary: data, never a thrown exception.
import { z } from 'zod';

export const ApiErrorCodeSchema = z.enum([
  'invalid_request', // the request did not match the contract
  'not_found',
  'conflict', // e.g. a locked (submitted) return
  'invalid_file', // an imported file is unreadable or malformed
  'refused', // the action is not allowed in this state
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ApiErrorCodeSchema,
  message: z.string(),
  /** zod issue paths or cell addresses, so a form can mark the field */
  details: z.array(z.object({ path: z.string(), message: z.string() })).default([]),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error a service throws on purpose; its message is shown to the user as it is. */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly details: ApiError['details'];
  constructor(code: ApiErrorCode, message: string, details: ApiError['details'] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
