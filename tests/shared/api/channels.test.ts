// The preload's plain list of channel names is the contract's keys, no more, no fewer, in any order.
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/api/channels.ts';
import { CHANNELS } from '../../../shared/api/contract.ts';

describe('shared/api/channels.ts', () => {
  it("lists exactly the contract's channels, each once", () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNEL_NAMES).size).toBe(CHANNEL_NAMES.length);
  });
});
