import type { Request } from 'express';
import { SandboxStore } from '../sandbox-store';
import { truIdError } from '../sandbox-error';

/** Checks a tru.ID bearer token and its scope, answering as tru.ID does when either is wrong. */
export function requireTruIdScope(store: SandboxStore, req: Request, scope: string): void {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  const token = match && store.truIdTokens.get(match[1]);
  if (!token || token.expiresAt <= store.clock.now()) {
    throw truIdError(401, 'unauthorized', 'Missing, invalid or expired access token');
  }
  if (!token.scopes.has(scope)) {
    throw truIdError(403, 'forbidden', `The access token lacks the ${scope} scope`);
  }
}
