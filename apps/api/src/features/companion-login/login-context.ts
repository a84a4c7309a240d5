import { SimProofProviderName } from '@simauth/config';
import { ID_TOKEN_CLAIM } from '../../platform/tokens/id-token.service';
import { SimSwapEvidence } from '../../platform/sim-proof/sim-swap-policy.service';

/**
 * Who, besides the web client that started it, takes a login's outcome (e.g. another feature's
 * request that a login stands in for). `key` is the context key holding the consumer's
 * reference, `deliveredFlag` the claim marking the outcome handed on to it.
 */
export interface LoginConsumer {
  readonly key: string;
  readonly deliveredFlag: string;
}

/** A login bound to one request of a consumer. */
export interface LoginBinding {
  consumer: LoginConsumer;
  ref: string;
  /** Once its outcome was handed on (claimed): when, or null if the claim was closed instead. */
  deliveredAt?: string | null;
}

/**
 * What a login keeps beside its columns, typed. Stored as the attempt's jsonb `context` under
 * the keys `toStoredContext` names, which never change: rows written by an older or a newer
 * replica read the same, and no migration is needed.
 */
export interface LoginContext {
  /** The number the web page shows, which the phone must pick. */
  matchNumber: number;
  /** The numbers the phone offers, the match number among them (ascending). */
  candidates: number[];
  /** A consumer's message shown on the phone too (a two-digit one is the match number). */
  bindingMessage?: string;
  /** The app the person signs in to, when an OpenID client started the login (its client_name). */
  clientName?: string;
  boundTo?: LoginBinding;
  /**
   * The /v1 id_token's claim: absent until handed out (then when), null when closed for good (a
   * bound login's outcome goes to its consumer only, or its user was blocked).
   */
  idTokenIssued?: string | null;
  /** The device that approved: only it may finish the proof. */
  approvedByDevice?: string;
  /** SIM_SWAP_POLICY=step_up found a recent swap: only a factor's code approves. */
  stepUpRequired?: boolean;
  /** The proof in progress: a PhoneCheck (its check_url), or an SMS code. */
  checkUrl?: string;
  /** The SIM-proof provider whose check that is (SIM_PROOF_PROVIDERS); unset on older logins: tru.ID. */
  proofProvider?: SimProofProviderName;
  /** The SIM-proof providers that handed the check on before it, and why (audit). */
  proofFailovers?: { provider: SimProofProviderName; cause: string }[];
  channel?: 'sms';
  /** How the SIM was proven, when not by PhoneCheck (["sms"], ["otp"]); ["sim"] otherwise. */
  amr?: string[];
  factorId?: string;
  match?: boolean;
  simSwap?: SimSwapEvidence;
  /** SIM_SWAP_ON_PROVIDER_ERROR=open passed over a failed SIM-swap check (when). */
  simSwapCheckSkipped?: string;
}

const consumers = new Map<string, LoginConsumer>();
/** The consumers as a list, for the reads of every stored context (no iterator each time). */
let consumerList: readonly LoginConsumer[] = [];

/**
 * Declares a consumer logins can be bound to, by the context key of its reference and the claim
 * of its delivery (snake_case; both kept as they are in stored rows).
 */
export function loginConsumer(key: string, deliveredFlag: string): LoginConsumer {
  for (const name of [key, deliveredFlag])
    if (!/^[a-z_]+$/.test(name)) throw new Error(`not a context key: ${name}`);
  const consumer = consumers.get(key) ?? { key, deliveredFlag };
  consumers.set(key, consumer);
  consumerList = [...consumers.values()];
  return consumer;
}

/** The jsonb keys of what a login keeps. */
const KEYS = {
  matchNumber: 'match_number',
  candidates: 'candidates',
  bindingMessage: 'binding_message',
  clientName: 'client_name',
  idTokenIssued: ID_TOKEN_CLAIM,
  approvedByDevice: 'approved_by_device',
  stepUpRequired: 'step_up_required',
  checkUrl: 'check_url',
  proofProvider: 'proof_provider',
  proofFailovers: 'proof_failovers',
  channel: 'channel',
  amr: 'amr',
  factorId: 'factor_id',
  match: 'match',
  simSwap: 'sim_swap',
  simSwapCheckSkipped: 'sim_swap_check_skipped',
} as const satisfies Record<Exclude<keyof LoginContext, 'boundTo'>, string>;

/** KEYS as [field, key] pairs, made once: a context is written on most of a login's requests. */
const KEY_ENTRIES = Object.entries(KEYS) as [keyof typeof KEYS, string][];

/**
 * The jsonb of (part of) a login's context: what a create writes, or what a move or an annotate
 * merges into the stored context. Only the fields given are written.
 */
export function toStoredContext(context: Partial<LoginContext>): Record<string, unknown> {
  const stored: Record<string, unknown> = {};
  for (const [field, key] of KEY_ENTRIES) {
    const value = context[field];
    // null is a value here: a claim closed from the start.
    if (value !== undefined) stored[key] = value;
  }
  if (context.boundTo) stored[context.boundTo.consumer.key] = context.boundTo.ref;
  return stored;
}

/** `stored[key]` when it is a string. */
function textAt(stored: Record<string, unknown>, key: string): string | undefined {
  const value = stored[key];
  return typeof value === 'string' ? value : undefined;
}

const PROOF_PROVIDERS: readonly unknown[] = ['truid', 'vonage', 'twilio'];

/** The context's fields stored as plain text. */
const TEXT_FIELDS = [
  'bindingMessage',
  'clientName',
  'approvedByDevice',
  'checkUrl',
  'factorId',
  'simSwapCheckSkipped',
] as const satisfies readonly (keyof LoginContext)[];

/**
 * The typed context of a stored login; keys it does not know (a newer replica's) are ignored.
 * Fields absent from the row stay absent from the object (so a copy of it writes nothing new):
 * each is set only when present, rather than set to undefined and deleted, since deleting a
 * property turns an object into a slow dictionary for every later read of it (a login's context
 * is read on each of its requests).
 */
export function fromStoredContext(stored: Record<string, unknown>): LoginContext {
  const candidates = stored[KEYS.candidates];
  const context: LoginContext = {
    matchNumber: Number(stored[KEYS.matchNumber]),
    candidates: Array.isArray(candidates) ? (candidates as number[]) : [],
  };
  for (const field of TEXT_FIELDS) {
    const text = textAt(stored, KEYS[field]);
    if (text !== undefined) context[field] = text;
  }
  if (KEYS.idTokenIssued in stored)
    context.idTokenIssued = textAt(stored, KEYS.idTokenIssued) ?? null;
  if (stored[KEYS.stepUpRequired] === true) context.stepUpRequired = true;
  const proofProvider = stored[KEYS.proofProvider];
  if (PROOF_PROVIDERS.includes(proofProvider))
    context.proofProvider = proofProvider as SimProofProviderName;
  const proofFailovers = stored[KEYS.proofFailovers];
  if (Array.isArray(proofFailovers))
    context.proofFailovers = proofFailovers as LoginContext['proofFailovers'];
  if (stored[KEYS.channel] === 'sms') context.channel = 'sms';
  const amr = stored[KEYS.amr];
  if (Array.isArray(amr)) context.amr = amr as string[];
  const match = stored[KEYS.match];
  if (typeof match === 'boolean') context.match = match;
  const simSwap = stored[KEYS.simSwap];
  if (simSwap && typeof simSwap === 'object') context.simSwap = simSwap as SimSwapEvidence;
  for (const consumer of consumerList) {
    const ref = textAt(stored, consumer.key);
    if (!ref) continue;
    context.boundTo = { consumer, ref };
    if (consumer.deliveredFlag in stored)
      context.boundTo.deliveredAt = textAt(stored, consumer.deliveredFlag) ?? null;
  }
  return context;
}
