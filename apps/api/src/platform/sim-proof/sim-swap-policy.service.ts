import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { AttemptKind, AttemptStateMachine, StatusOf } from '@simauth/attempts';
import { ProviderUnavailableError, SimSwapPort, SimSwapResult } from '@simauth/providers';

/** Where a SIM-swap check is asked for: the attempt it decides, in the status it is in. */
interface SimSwapSubject<K extends AttemptKind> {
  kind: K;
  id: string;
  status: StatusOf<K>;
  requestId?: string;
}

/**
 * SIM_SWAP_POLICY's question, for logins and registrations alike: did the SIM behind a number
 * change within SIM_SWAP_MAX_AGE_HOURS? Returns the provider's answer when it did, undefined when
 * it did not or the policy is off. A failed check throws ProviderUnavailableError (closed), or is
 * logged, marked on the attempt (`sim_swap_check_skipped`) and passed over (open).
 */
@Injectable()
export class SimSwapPolicy {
  private readonly logger = new Logger(SimSwapPolicy.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly simSwap: SimSwapPort,
    private readonly attempts: AttemptStateMachine,
  ) {}

  get policy(): AppConfig['simSwap']['policy'] {
    return this.config.simSwap.policy;
  }

  async recentSwap<K extends AttemptKind>(
    phoneNumber: string,
    subject: SimSwapSubject<K>,
  ): Promise<SimSwapResult | undefined> {
    const { policy, maxAgeHours, onProviderError } = this.config.simSwap;
    if (policy === 'off') return undefined;
    try {
      const result = await this.simSwap.check(phoneNumber, maxAgeHours);
      return result.swapped ? result : undefined;
    } catch (err) {
      if (onProviderError === 'closed') {
        if (err instanceof ProviderUnavailableError) throw err;
        throw new ProviderUnavailableError(
          'The SIM-swap check could not be made; try again shortly.',
        );
      }
      this.logger.warn(
        { req: { id: subject.requestId }, attempt_id: subject.id, err: (err as Error).message },
        'SIM-swap check failed; going on without it (SIM_SWAP_ON_PROVIDER_ERROR=open)',
      );
      await this.attempts
        .claimOnce(
          subject.kind,
          subject.id,
          subject.status,
          'sim_swap_check_skipped',
          'system',
          subject.requestId,
        )
        .catch(() => undefined);
      return undefined;
    }
  }
}

/** The provider that answered a SIM-swap check, and its answer. */
export type SimSwapEvidence = { provider: string } & Record<string, unknown>;

/** What an attempt keeps of a swap: the provider and its answer. */
export function simSwapEvidence(swap: SimSwapResult): { sim_swap: SimSwapEvidence } {
  return { sim_swap: { provider: swap.provider, ...swap.answer } };
}
