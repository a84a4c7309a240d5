import { AnswerOf, answerOf, SimauthApi } from './http';

/** An authenticator factor of the phone's user. */
export interface Factor {
  factorId: string;
  /** totp or truid. */
  type: string;
  /** PENDING until activated with a first code, then ACTIVE. */
  status: string;
  createdAt: string;
}

/** A factor just enrolled: show `otpauthUrl` (or its QR code), then activate it with a code. */
export interface EnrolledFactor {
  factorId: string;
  status: string;
  otpauthUrl?: string;
  qrDataUrl?: string;
}

/**
 * The authenticator factors of the phone's user, managed with the device credential (the step-up
 * when a SIM changed, and the fallback where no PhoneCheck can run).
 */
export class SimauthFactors {
  constructor(
    private readonly api: SimauthApi,
    private readonly credential: () => Promise<{ authorization: string }>,
    /** How an answer is read: the phone's drops a credential the server refuses (401). */
    private readonly answer: AnswerOf = answerOf,
  ) {}

  /** The user's factors. */
  async list(): Promise<Factor[]> {
    const factors = await this.answer(
      this.api.GET('/v1/factors', { headers: await this.credential() }),
    );
    return factors.map((f) => ({
      factorId: f.factor_id,
      type: f.type,
      status: f.status,
      createdAt: f.created_at,
    }));
  }

  /** Enrols an authenticator app (TOTP): returns its otpauth:// URL to show or open. */
  enrolTotp(): Promise<EnrolledFactor> {
    return this.enrol('totp');
  }

  /** Enrols tru.ID's authenticator. */
  enrolTruId(): Promise<EnrolledFactor> {
    return this.enrol('truid');
  }

  /** Activates an enrolled factor with the first code it shows. */
  async activate(factorId: string, code: string): Promise<{ status: string }> {
    return this.answer(
      this.api.POST('/v1/factors/{id}/activate', {
        params: { path: { id: factorId } },
        headers: await this.credential(),
        body: { code },
      }),
    );
  }

  /** Deletes one of the user's factors. */
  async delete(factorId: string): Promise<void> {
    await this.answer(
      this.api.DELETE('/v1/factors/{id}', {
        params: { path: { id: factorId } },
        headers: await this.credential(),
      }),
    );
  }

  private async enrol(type: 'totp' | 'truid'): Promise<EnrolledFactor> {
    const created = await this.answer(
      this.api.POST('/v1/factors', { headers: await this.credential(), body: { type } }),
    );
    return {
      factorId: created.factor_id,
      status: created.status,
      ...(created.otpauth_url ? { otpauthUrl: created.otpauth_url } : {}),
      ...(created.qr_data_url ? { qrDataUrl: created.qr_data_url } : {}),
    };
  }
}
