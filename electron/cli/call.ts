import { contract, type Channel, type Input, type Output } from '../../shared/api/contract.ts';
import { AppError } from '../../shared/api/envelope.ts';
import type { AppBackend } from '../backend/open-app.ts';
import { dispatch } from '../api/dispatch.ts';
import { ContractRefusal } from './errors.ts';

/**
 * Calls a contract entry the way the UI does, throwing the typed error on failure. An input the contract refuses
 * is thrown as a ContractRefusal, which the CLI says of the flag that fed each field (exit 2); a refusal by the
 * service itself (a contradiction, a region outside the plan) stays an AppError with its own Chinese message.
 */
export async function call<C extends Channel>(backend: AppBackend, channel: C, input: Input<C>): Promise<Output<C>> {
  const checked = contract[channel].input.safeParse(input ?? {});
  if (!checked.success) throw new ContractRefusal(checked.error.issues);
  const result = await dispatch(backend.handlers, channel, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
  return result.value as Output<C>;
}
