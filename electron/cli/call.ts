import type { Channel, Input, Output } from '../../shared/api/contract.ts';
import { AppError } from '../../shared/api/envelope.ts';
import type { AppBackend } from '../app.ts';
import { dispatch } from '../api/dispatch.ts';

/** Calls a contract entry the way the UI does, throwing the typed error on failure. */
export async function call<C extends Channel>(backend: AppBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const result = await dispatch(backend.handlers, channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as Output<C>;
}
