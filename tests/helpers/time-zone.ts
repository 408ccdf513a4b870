// Runs a test file's tests in a time zone of its own (Node reads TZ afresh when it changes), restored after: dates a
// user reads are local days, and Beijing's day differs from UTC's from 16:00 UTC on.
import { afterAll, beforeAll } from 'vitest';

export function inTimeZone(zone: string): void {
  let before: string | undefined;
  beforeAll(() => {
    before = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  });
}
