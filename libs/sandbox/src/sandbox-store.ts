import { randomBytes, randomUUID } from 'node:crypto';
import { SandboxClock } from './sandbox-clock';

type CheckStatus = 'ACCEPTED' | 'PENDING' | 'COMPLETED' | 'EXPIRED' | 'ERROR';

export interface SandboxCheck {
  checkId: string;
  phoneNumber: string;
  referenceId?: string;
  status: CheckStatus;
  createdAt: number;
  updatedAt: number;
  ttlSeconds: number;
  /** The SIM of the device that opened the check_url. */
  sim?: string;
  code?: string;
  match?: boolean;
  errorCode?: string;
}

interface AccessToken {
  token: string;
  scopes: Set<string>;
  expiresAt: number;
  /** For CAMARA tokens: the number the network saw on the device that authorised. */
  msisdn?: string;
  phoneNumber?: string;
}

interface PushMessage {
  seq: number;
  name: string;
  receivedAt: string;
  message: Record<string, unknown>;
}

interface Inbox {
  messages: PushMessage[];
  waiters: Set<() => void>;
}

interface AuthorizationCode {
  code: string;
  phoneNumber: string;
  sim?: string;
  redirectUri: string;
  expiresAt: number;
}

export interface SandboxFactor {
  factorId: string;
  phoneNumber: string;
  externalUserId: string;
  /** Base32 TOTP seed, held by "tru.ID" and the person's authenticator app. */
  secret: string;
  status: 'PENDING' | 'ACTIVE' | 'INACTIVE';
  url: string;
  dataUrl: string;
  createdAt: number;
  updatedAt: number;
}

export interface SandboxChallenge {
  challengeId: string;
  factorId: string;
  status: 'PENDING' | 'VERIFIED' | 'FAILED' | 'EXPIRED';
  referenceId?: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** Everything the sandbox remembers; in memory, like a provider's test project. */
export class SandboxStore {
  readonly clock = new SandboxClock();
  publicUrl = '';
  readonly checks = new Map<string, SandboxCheck>();
  readonly truIdTokens = new Map<string, AccessToken>();
  readonly camaraTokens = new Map<string, AccessToken>();
  readonly authorizationCodes = new Map<string, AuthorizationCode>();
  /** Network Enablement sessions: auth_url id → phone number and state. */
  readonly enablements = new Map<
    string,
    { phoneNumber: string; state: string; expiresAt: number }
  >();
  readonly factors = new Map<string, SandboxFactor>();
  readonly challenges = new Map<string, SandboxChallenge>();
  /** Vonage Verify v2 requests: request_id → the code sent, wrong tries, and the outcome. */
  readonly verifyRequests = new Map<
    string,
    { to: string; code: string; wrongTries: number; completed: boolean; expiresAt: number }
  >();
  /**
   * Vonage Verify v2 silent authentications: request_id → the number, the SIM of the device that
   * opened check_url, the code it was given, and whether it is spent.
   */
  readonly silentAuths = new Map<
    string,
    { to: string; sim?: string; code?: string; opened: boolean; done: boolean; expiresAt: number }
  >();
  /**
   * Twilio Verify SNA verifications: sid → the number, its SNA URL's token, the SIM of the device
   * that opened it, and its status (pending, approved, canceled: spent).
   */
  readonly snaVerifications = new Map<
    string,
    { to: string; token: string; sim?: string; status: string; expiresAt: number }
  >();
  /** SMS sent by the Verify twin, per number (+E.164), oldest first. */
  readonly sms = new Map<
    string,
    { text: string; code: string; request_id: string; sent_at: string }[]
  >();
  /** Vonage backend (CIBA) authorization requests: auth_req_id → number and scopes. */
  readonly cibaRequests = new Map<
    string,
    { phoneNumber: string; scopes: string[]; expiresAt: number }
  >();
  /** Challenge callbacks sent, with the HTTP status the receiver answered (0: unreachable). */
  readonly callbackDeliveries: { challengeId: string; status: Promise<number> }[] = [];
  private readonly inboxes = new Map<string, Inbox>();
  private seq = 0;
  /** Calls per endpoint name, for tests that count provider traffic. */
  readonly calls = new Map<string, number>();

  count(endpoint: string): void {
    this.calls.set(endpoint, (this.calls.get(endpoint) ?? 0) + 1);
  }

  callsTo(endpoint: string): number {
    return this.calls.get(endpoint) ?? 0;
  }

  issueToken(
    map: Map<string, AccessToken>,
    scopes: string[],
    ttlSeconds: number,
    extra: Partial<AccessToken> = {},
  ) {
    const token = randomBytes(24).toString('base64url');
    const entry = {
      token,
      scopes: new Set(scopes),
      expiresAt: this.clock.now() + ttlSeconds * 1000,
      ...extra,
    };
    map.set(token, entry);
    return entry;
  }

  /** Invalidates every tru.ID access token, as a provider-side key rotation would. */
  revokeTruIdTokens(): void {
    this.truIdTokens.clear();
  }

  newCheckId(): string {
    return randomUUID().replace(/-/g, '');
  }

  /** A check past its TTL that did not complete is EXPIRED, as tru.ID reports it. */
  refresh(check: SandboxCheck): SandboxCheck {
    const done =
      check.status === 'COMPLETED' || check.status === 'ERROR' || check.status === 'EXPIRED';
    // A check lives for its ttl: at its end it has expired (a ttl of 0 expires at once, even
    // within the millisecond it was created in).
    if (!done && this.clock.now() >= check.createdAt + check.ttlSeconds * 1000) {
      check.status = 'EXPIRED';
      check.updatedAt = this.clock.now();
    }
    return check;
  }

  deliver(token: string, message: Record<string, unknown>, projectId: string): PushMessage {
    const inbox = this.inbox(token);
    const entry = {
      seq: ++this.seq,
      name: `projects/${projectId}/messages/${randomUUID()}`,
      receivedAt: new Date(this.clock.now()).toISOString(),
      message,
    };
    inbox.messages.push(entry);
    for (const wake of [...inbox.waiters]) wake();
    return entry;
  }

  /** Messages for `token` after `after`; waits up to `waitMs` for one when there are none yet. */
  async read(
    token: string,
    after: number,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<PushMessage[]> {
    const inbox = this.inbox(token);
    const pending = () => inbox.messages.filter((m) => m.seq > after);
    if (pending().length > 0 || waitMs <= 0) return pending();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        inbox.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      timer.unref();
      inbox.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
    return pending();
  }

  private inbox(token: string): Inbox {
    let inbox = this.inboxes.get(token);
    if (!inbox) this.inboxes.set(token, (inbox = { messages: [], waiters: new Set() }));
    return inbox;
  }
}
