/**
 * The statuses of each kind of attempt, by kind (the kind's stored name, text, never renamed).
 * Empty here: this library knows no flow. Each flow adds its own kind, beside its transition
 * table, by declaration merging, and registers the table (see registerAttemptFlow):
 *
 *   declare module '@simauth/attempts' {
 *     interface AttemptStatuses { [AttemptKind.Parcel]: ParcelStatus }
 *   }
 *
 * so that `StatusOf<K>` is the kind's own status enum wherever the kind is known, in the platform
 * code that is generic over kinds (K extends AttemptKind) as much as in the flow's own.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AttemptStatuses {}

/** What an attempt is waiting for: the kinds the flows declare (see AttemptStatuses). */
export type AttemptKind = keyof AttemptStatuses & string;

export type StatusOf<K extends AttemptKind> = AttemptStatuses[K];

/**
 * Who causes a move: the registered phone, the web client, the signed-in user, a provider, the
 * server itself, or an operator through the admin API.
 */
export type Actor = 'device' | 'web' | 'user' | 'provider' | 'system' | 'admin';

/** Every kind expires through this status: the sweeper moves overdue attempts to it. */
export const EXPIRED = 'EXPIRED';
