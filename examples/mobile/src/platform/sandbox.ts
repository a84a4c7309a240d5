import { SIMAUTH_URL } from '../config';

let sandboxUrl: Promise<string> | undefined;

/**
 * SANDBOX ONLY (the web build). Where the sandbox's network imitation is: simauth's virtual phone
 * settings (`/phone/config.json`, served only while a sandbox serves).
 */
export function sandboxBaseUrl(): Promise<string> {
  sandboxUrl ??= fetch(`${SIMAUTH_URL}/phone/config.json`).then(async (res) => {
    if (!res.ok) throw new Error(`simauth at ${SIMAUTH_URL} runs no sandbox (HTTP ${res.status})`);
    return ((await res.json()) as { sandbox_url: string }).sandbox_url.replace(/\/+$/, '');
  });
  sandboxUrl.catch(() => (sandboxUrl = undefined));
  return sandboxUrl;
}

/** A value kept for this browser tab only: the sandbox's pretend phone lives as long as its tab. */
export const tabStorage = {
  get: (key: string): string | null => globalThis.sessionStorage?.getItem(key) ?? null,
  set: (key: string, value: string): void => globalThis.sessionStorage?.setItem(key, value),
  remove: (key: string): void => globalThis.sessionStorage?.removeItem(key),
};
