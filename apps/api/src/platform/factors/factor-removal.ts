import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookOutbox } from '../webhooks/webhook-outbox';
import { FactorsRepository } from './factors.repository';

/** Who deleted a factor, as the `factor.deleted` event says it. */
type FactorDeletedBy =
  | { actor: 'admin'; client_id: string; request_id: string | null }
  | { actor: 'user'; request_id: string | null }
  | { actor: 'device'; device_id: string; request_id: string | null };

/**
 * Deletes an authenticator factor, whoever asks (an operator for account recovery, or its user),
 * in one transaction with the `factor.deleted` event.
 */
@Injectable()
export class FactorRemoval {
  constructor(
    private readonly db: DataSource,
    private readonly factors: FactorsRepository,
    private readonly outbox: WebhookOutbox,
  ) {}

  /**
   * Whether the factor existed (and is now deleted). With `ownerId`, only that user's factor:
   * another user's is answered as unknown.
   */
  remove(factorId: string, by: FactorDeletedBy, ownerId?: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const factor = await this.factors.delete(factorId, tx, ownerId);
      if (!factor) return false;
      await this.outbox.write(tx, 'factor.deleted', {
        factor_id: factorId,
        user_id: factor.userId,
        type: factor.type,
        status: factor.status,
        ...by,
      });
      return true;
    });
  }
}
