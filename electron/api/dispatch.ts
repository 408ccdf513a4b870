// Validates a request against the contract, runs its handler, and turns every outcome into an ApiResult.
import { z } from 'zod';
import { contract, isChannel } from '../../shared/api/contract.ts';
import { AppError, type ApiResult } from '../../shared/api/envelope.ts';
import { MESSAGES } from '../../shared/messages.ts';
import type { Handlers } from './handler-types.ts';

const issuesToDetails = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));

export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown): Promise<ApiResult<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'invalid_request', message: MESSAGES.api.unknownChannel(channel), details: [] },
    };
  }
  const endpoint = contract[channel];
  const parsed = endpoint.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'invalid_request',
        message: MESSAGES.api.invalidRequest(channel),
        details: issuesToDetails(parsed.error),
      },
    };
  }
  try {
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: endpoint.output.parse(value) };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, error: { code: error.code, message: error.message, details: error.details } };
    if (error instanceof z.ZodError)
      return {
        ok: false,
        error: { code: 'internal', message: MESSAGES.api.internal, details: issuesToDetails(error) },
      };
    return {
      ok: false,
      error: { code: 'internal', message: `${MESSAGES.api.internal}：${(error as Error).message}`, details: [] },
    };
  }
}
