import { Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction } from 'oidc-provider';
import { errors } from 'oidc-provider';
import { DataSource } from 'typeorm';
import { ConflictError, NotFoundError } from '@simauth/http';
import { BoundLogins, StartedLogin } from '../companion-login';
import { OIDC_INTERACTION } from './login-consumers';
import { acrOf, amrOf } from './oidc-configuration';
import { InteractionClients } from '../../platform/pages/interaction-clients';
import { OidcProviderService, asPublicUrl } from './oidc-provider.service';
import { interactionFinishScope } from './oidc-postgres.adapter';

type Raw = { req: IncomingMessage; res: ServerResponse };
type InteractionResults = Parameters<OidcProviderService['provider']['interactionResult']>[2];

/** How many interactions' clients a process remembers for the login page (see clientIdOf). */
const REMEMBERED_CLIENTS = 10_000;

/** Why a finished login sends the browser back to the client with an OAuth error. */
const DENIED = {
  error: 'access_denied',
  error_description: 'The sign-in was denied on the phone.',
};
const CANCELLED = {
  error: 'access_denied',
  error_description: 'The person cancelled the sign-in.',
};

/**
 * The login step of an authorization request is a companion login: the page starts it here, follows
 * it on the existing live stream, and hands its outcome back to the library.
 */
@Injectable()
export class OidcInteractionService implements InteractionClients {
  constructor(
    private readonly oidc: OidcProviderService,
    private readonly logins: BoundLogins,
    private readonly db: DataSource,
  ) {}

  /**
   * The client of each interaction this process sent to the login page, until the interaction
   * expires: the page names it without reading the interaction again (an interaction's client
   * never changes). Oldest first, at most REMEMBERED_CLIENTS.
   */
  private readonly clientsOf = new Map<string, { clientId: string; exp: number }>();

  /** The interaction of this browser (its cookie) for `uid`; 404 when it is unknown or expired. */
  async details(uid: string, raw: Raw): Promise<Interaction> {
    // Every call below starts here: the library reads the request's host for its cookies and URLs.
    asPublicUrl(raw.req, this.oidc.publicUrl);
    let interaction: Interaction;
    try {
      interaction = await this.oidc.provider.interactionDetails(raw.req, raw.res);
    } catch (err) {
      if (err instanceof errors.SessionNotFound) throw this.expired();
      throw err;
    }
    if (interaction.uid !== uid) throw this.expired();
    return interaction;
  }

  /**
   * Where the browser goes for interaction `uid`: the login page (with the client's login_hint
   * and ui_locales),
   * or, for a consent prompt, straight on: clients are the operator's, consent is given for them.
   */
  async pageFor(uid: string, raw: Raw): Promise<string> {
    const interaction = await this.details(uid, raw);
    if (interaction.prompt.name === 'consent') return this.consent(interaction);
    this.remember(interaction);
    const page = new URLSearchParams({ interaction: uid });
    const hint = interaction.params.login_hint;
    if (typeof hint === 'string') page.set('login_hint', hint.replace(/^tel:/, ''));
    // The person's languages, in the client's order: the page is rendered in the first it has.
    const locales = interaction.params.ui_locales;
    if (typeof locales === 'string') page.set('ui_locales', locales);
    return `/login?${page}`;
  }

  /** The relying party of interaction `uid` (for the login page to name it), while it is pending. */
  async clientIdOf(uid: string): Promise<string | undefined> {
    if (!this.oidc.provider || !/^[\w-]{1,64}$/.test(uid)) return undefined;
    const remembered = this.clientsOf.get(uid);
    if (remembered && remembered.exp > Date.now() / 1000) return remembered.clientId;
    const interaction = await this.oidc.provider.Interaction.find(uid);
    const client = interaction?.params.client_id;
    return typeof client === 'string' ? client : undefined;
  }

  /** Starts the companion login of this interaction for `phoneNumber`. */
  async start(
    uid: string,
    phoneNumber: string,
    raw: Raw,
    requestId?: string,
  ): Promise<StartedLogin> {
    const interaction = await this.details(uid, raw);
    const clientId = interaction.params.client_id;
    const client =
      typeof clientId === 'string' ? await this.oidc.provider.Client.find(clientId) : undefined;
    return this.logins.start(phoneNumber, requestId, {
      consumer: OIDC_INTERACTION,
      ref: uid,
      // The phone names the app the person signs in to.
      clientName: client?.clientName?.trim() || undefined,
    });
  }

  /**
   * Ends the interaction with its login's outcome: the account on MATCH_SUCCESS, access_denied
   * when the phone denied. Returns where the browser goes next.
   */
  async finish(uid: string, pollToken: string, raw: Raw, requestId?: string): Promise<string> {
    return interactionFinishScope(this.db, () =>
      this.finishInScope(uid, pollToken, raw, requestId),
    );
  }

  private async finishInScope(
    uid: string,
    pollToken: string,
    raw: Raw,
    requestId?: string,
  ): Promise<string> {
    await this.details(uid, raw);
    const outcome = await this.logins.claimOutcome(OIDC_INTERACTION, uid, pollToken, requestId);
    if (outcome.outcome === 'failed') {
      throw new ConflictError(
        `This sign-in ended ${outcome.status}; start again from the login page.`,
      );
    }
    const result =
      outcome.outcome === 'denied'
        ? DENIED
        : {
            login: {
              accountId: outcome.userId,
              amr: amrOf(outcome.amr),
              acr: acrOf(outcome.amr),
              ts: outcome.authTime,
              remember: false,
            },
          };
    // The library's interactionResult reads the interaction again, and its session, after the
    // claim: resume may have destroyed it meanwhile, or the session ended. The interaction is
    // served from the read above, and saved only if still stored as read (else SessionNotFound,
    // interactionFinishScope); its session is read again.
    try {
      return await this.oidc.provider.interactionResult(raw.req, raw.res, result, {
        mergeWithLastSubmission: false,
      });
    } catch (err) {
      if (err instanceof errors.SessionNotFound) throw this.expired();
      throw err;
    }
  }

  /** The person gave up: the client gets access_denied. */
  async abort(uid: string, raw: Raw): Promise<string> {
    return this.saveResult(await this.details(uid, raw), CANCELLED, false);
  }

  /**
   * What the library's interactionResult does, on the interaction already read: it would read
   * it again by the browser's cookie (one more statement). For abort and consent only: finish
   * claims the login between the read and the save, so it reads again (see there). The result is
   * saved for the rest of the interaction's life; the library's resume reads it, and destroys the
   * interaction.
   */
  private async saveResult(
    interaction: Interaction,
    result: InteractionResults,
    mergeWithLastSubmission: boolean,
  ): Promise<string> {
    interaction.result =
      mergeWithLastSubmission && !('error' in result)
        ? { ...interaction.lastSubmission, ...result }
        : result;
    await interaction.save(interaction.exp - Math.floor(Date.now() / 1000));
    return interaction.returnTo;
  }

  private remember(interaction: Interaction): void {
    const clientId = interaction.params.client_id;
    if (typeof clientId !== 'string') return;
    if (this.clientsOf.size >= REMEMBERED_CLIENTS) {
      this.clientsOf.delete(this.clientsOf.keys().next().value!);
    }
    this.clientsOf.set(interaction.uid, { clientId, exp: interaction.exp });
  }

  /** Grants what the consent prompt found missing (e.g. offline_access asked with prompt=consent). */
  private async consent(interaction: Interaction): Promise<string> {
    const { Grant } = this.oidc.provider;
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
    };
    const grant =
      (interaction.grantId && (await Grant.find(interaction.grantId))) ||
      new Grant({
        accountId: interaction.session!.accountId,
        clientId: interaction.params.client_id as string,
      });
    if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
    const grantId = await grant.save();
    return this.saveResult(interaction, { consent: interaction.grantId ? {} : { grantId } }, true);
  }

  private expired() {
    return new NotFoundError(
      'This sign-in request is unknown or has expired; go back to the app and sign in again.',
    );
  }
}
