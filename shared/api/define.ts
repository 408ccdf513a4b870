import type { z } from 'zod';

/** One call of the API: its request and response schemas. The channel name is the key in the contract. */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** a short Chinese description, shown in the CLI and in docs */
  summary: string;
}

export const endpoint = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): Endpoint<I, O> => ({ input, output, summary });
