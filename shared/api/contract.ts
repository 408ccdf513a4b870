// The one API contract: every call the renderer can make, by channel name, with request and response schemas.
// The preload exposes exactly these, the main process handles exactly these, and the loopback adapter and
// CLI call the same handlers. Add a domain by writing its *-contract.ts and spreading it in here.
import type { z } from 'zod';
import type { Endpoint } from './define.ts';
import { plansContract } from './plans-contract.ts';
import { regionsContract } from './regions-contract.ts';
import { returnsContract } from './returns-contract.ts';
import { backupsContract } from './backups-contract.ts';
import { shellContract } from './shell-contract.ts';
import { settingsContract } from './settings-contract.ts';
import { excelContract } from './excel-contract.ts';
import { mergeContract } from './merge-contract.ts';
import { reportContract } from './report-contract.ts';
import { openDataContract } from './open-data-contract.ts';
import { diagnosticsContract } from './diagnostics-contract.ts';
import type { ChannelName } from './channels.ts';

export const contract = {
  ...settingsContract,
  ...plansContract,
  ...regionsContract,
  ...returnsContract,
  ...backupsContract,
  ...shellContract,
  ...excelContract,
  ...mergeContract,
  ...reportContract,
  ...openDataContract,
  ...diagnosticsContract,
} satisfies Record<string, Endpoint>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
/** The preload's plain list (channels.ts) names exactly these channels: a compile error here when they drift apart. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CHANNEL_LIST_MATCHES: Same<Channel, ChannelName> = true;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

/** The typed client shape every transport implements (preload bridge, loopback HTTP). */
export type ApiClient = { [C in Channel]: (input: Input<C>) => Promise<Output<C>> };
export const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);
