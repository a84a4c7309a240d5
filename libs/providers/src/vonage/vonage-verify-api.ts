import { AxiosInstance } from 'axios';
import { CircuitLabels } from '../provider-circuit';
import { ProviderHttpSettings, providerHttpClient } from '../provider-http';
import { VonageClient } from './vonage-network.adapters';

/** One step of a Verify v2 workflow: the channel and the number, without its leading +. */
interface WorkflowStep {
  channel: 'sms' | 'silent_auth';
  to: string;
}

/**
 * Vonage Verify v2's two calls, authenticated by the application JWT as `@vonage/verify2` makes
 * them: `POST /v2/verify` (202 `{request_id, …}`) and `POST /v2/verify/{request_id} {code}`. The
 * SMS fallback and silent authentication each hold one, with its own client and circuit; their
 * adapters map the answers, each as its channel means them.
 */
export class VonageVerifyApi {
  private readonly http: AxiosInstance;

  constructor(
    private readonly vonage: VonageClient,
    settings: ProviderHttpSettings,
    client: string,
    labels: CircuitLabels,
  ) {
    this.http = providerHttpClient(settings, client, labels);
  }

  /** Starts a verification of `phoneNumber` on `channel`; the answer's body. */
  async start(
    phoneNumber: string,
    channel: WorkflowStep['channel'],
    options: { brand: string; code_length?: number },
  ): Promise<unknown> {
    const { data } = await this.http.post(
      '/v2/verify',
      {
        ...options,
        // Verify wants the number without its leading +.
        workflow: [{ channel, to: phoneNumber.replace(/^\+/, '') } satisfies WorkflowStep],
      },
      { headers: { Authorization: await this.vonage.authorization() } },
    );
    return data;
  }

  /** Checks `code` for the request; resolves when Vonage says 200, throws its refusal otherwise. */
  async check(requestId: string, code: string): Promise<void> {
    await this.http.post(
      `/v2/verify/${encodeURIComponent(requestId)}`,
      { code },
      { headers: { Authorization: await this.vonage.authorization() } },
    );
  }
}
