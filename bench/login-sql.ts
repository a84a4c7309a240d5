/**
 * simauth's statements of one companion login, for the skeleton (bench/skeleton.ts): the moves'
 * and the rate limiter's are the very strings simauth sends; the three account reads are the
 * accounts service's, written out (they sit inside its methods).
 */
import {
  ANNOTATE_SQL,
  BY_ID_SQL,
  BY_TOKEN_SQL,
  CLAIM_SQL,
  INSERT_SQL,
  NOTIFY,
  transitionSql,
} from '@simauth/attempts';
import { TWO_SQL } from '../apps/api/src/platform/rate-limits/rate-limit-sql';
import { WEBHOOK_MOVE_SQL } from '../apps/api/src/platform/webhooks/webhook-move-hook';

export { NOTIFY };

export const LOGIN_SQL = {
  rateLimit: TWO_SQL,
  user: `SELECT id FROM users WHERE phone_number = $1 AND blocked_at IS NULL`,
  insert: INSERT_SQL,
  pushable: `SELECT d.id, d.user_id, d.client_device_id, d.push_token, u.phone_number
      FROM devices d JOIN users u ON u.id = d.user_id
     WHERE d.user_id = $1 AND d.push_token IS NOT NULL`,
  device: `SELECT d.id, d.user_id, d.client_device_id, d.push_token, u.phone_number
      FROM devices d JOIN users u ON u.id = d.user_id WHERE d.credential_hash = $1`,
  attempt: BY_ID_SQL,
  byToken: BY_TOKEN_SQL,
  // The move as the api sends it: with the webhooks' outbox write (WebhookMoveHook).
  transition: transitionSql(WEBHOOK_MOVE_SQL),
  annotate: ANNOTATE_SQL,
  claim: CLAIM_SQL,
};
