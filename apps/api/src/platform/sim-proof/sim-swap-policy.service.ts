import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, SimSwapProviderName } from '@simauth/config';
import { AttemptKind, AttemptStateMachine, StatusOf } from '@simauth/attempts';
import { metrics } from '@simauth/observability';
import { ProviderUnavailableError, SimSwapProviders, SimSwapResult } from '@simauth/providers';
import { failoversText } from './check-reference';
import { Failover, firstAnswer } from './provider-failover';

/** Where a SIM-swap check is asked for: the attempt it decides, in the status it is in. */
interface SimSwapSubject<K extends AttemptKind> {
  kind: K;
  id: string;
  status: StatusOf<K>;
  requestId?: string;
}

/**
 * A SIM swap found: the provider's answer, and the providers of SIM_SWAP_PROVIDERS that handed
 * the check on before it.
 */
interface SimSwapFinding extends SimSwapResult {
  failovers: Failover<SimSwapProviderName>[];
}

/**
 * SIM_SWAP_POLICY's question, for logins and registrations alike: did the SIM behind a number
 * change within SIM_SWAP_MAX_AGE_HOURS? Asked of the providers of SIM_SWAP_PROVIDERS in their
 * order: one that says "not supported" for the number or is unavailable hands it to the next.
 * Returns the answer when the SIM changed, undefined when it did not or the policy is off; a
 * failover is noted in the attempt's trail (`truid unavailable: SIM-swap check by vonage (not
 * swapped)`), whatever the answer. When no provider answers, the check throws
 * ProviderUnavailableError (closed), or is logged, marked on the attempt
 * (`sim_swap_check_skipped`) and passed over (open).
 */
@Injectable()
export class SimSwapPolicy {
  private readonly logger = new Logger(SimSwapPolicy.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly providers: SimSwapProviders,
    private readonly attempts: AttemptStateMachine,
  ) {}

  get policy(): AppConfig['simSwap']['policy'] {
    return this.config.simSwap.policy;
  }

  async recentSwap<K extends AttemptKind>(
    phoneNumber: string,
    subject: SimSwapSubject<K>,
  ): Promise<SimSwapFinding | undefined> {
    const { policy, maxAgeHours, onProviderError } = this.config.simSwap;
    if (policy === 'off') return undefined;
    const asked = await firstAnswer(
      this.providers.ordered,
      (port) => port.check(phoneNumber, maxAgeHours),
      (provider, outcome) => metrics.simSwapChecks.inc({ provider, outcome }),
    );
    if (asked.ok) {
      const { swapped } = asked.answer;
      metrics.simSwapChecks.inc({
        provider: asked.provider,
        outcome: swapped ? 'swapped' : 'not_swapped',
      });
      // Who handed the check on, and who answered, in the attempt's trail (a swap's move adds it).
      if (asked.failovers.length)
        await this.attempts
          .note(subject.kind, subject.id, subject.status, {
            actor: 'system',
            reason: `${failoversText(asked.failovers)}: SIM-swap check by ${asked.provider} (${swapped ? 'swapped' : 'not swapped'})`,
            requestId: subject.requestId,
          })
          .catch(() => undefined);
      return swapped ? { ...asked.answer, failovers: asked.failovers } : undefined;
    }
    const err = asked.error;
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

/** The provider that answered a SIM-swap check, and its answer. */
export type SimSwapEvidence = { provider: string } & Record<string, unknown>;

/**
 * What an attempt keeps of a swap: the provider and its answer, and which providers of
 * SIM_SWAP_PROVIDERS handed the check on before it (when any did), and why.
 */
export function simSwapEvidence(swap: SimSwapResult & Partial<Pick<SimSwapFinding, 'failovers'>>): {
  sim_swap: SimSwapEvidence;
} {
  return {
    sim_swap: {
      provider: swap.provider,
      ...swap.answer,
      ...(swap.failovers?.length ? { failovers: swap.failovers } : {}),
    },
  };
}
