// The renderer's only way to data: a client typed from the contract. In Electron it calls the preload bridge;
// in a browser (development, end-to-end tests) it calls the loopback adapter with the run's token.
import { CHANNELS, type ApiClient, type Channel } from '../../shared/api/contract.ts';
import type { ApiError, ApiResult } from '../../shared/api/envelope.ts';

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

/** What a failed call (or any other error) says to the user: the contract's message, in Chinese. */
export const errorMessage = (e: unknown): string =>
  e instanceof ApiCallError ? e.error.message : (e as Error).message;

type Transport = (channel: Channel, input: unknown) => Promise<ApiResult<unknown>>;

declare global {
  interface Window {
    wdp?: Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;
  }
}

function loopbackToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('wdp-token', fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? `?${query}` : '') + window.location.hash);
    return fromUrl;
  }
  return sessionStorage.getItem('wdp-token') ?? '';
}

function pickTransport(): Transport {
  const bridge = window.wdp;
  if (bridge) return (channel, input) => bridge[channel](input);
  const token = loopbackToken();
  return async (channel, input) => {
    const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as ApiResult<unknown>;
  };
}

const transport = pickTransport();
/** true in the desktop app (the preload's bridge), false in a browser (development, end-to-end tests) */
export const isDesktop = typeof window !== 'undefined' && !!window.wdp;

export const api = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    async (input: unknown) => {
      const result = await transport(channel, input);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    },
  ]),
) as ApiClient;
