// Generated from ../../openapi.json by `npm run client:openapi` (openapi-typescript). Do not edit.
export interface paths {
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up and serving HTTP */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database answers (503 otherwise); also reports whether each provider is reachable */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: requests, attempt moves, provider calls, SSE streams, process */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/me/push-token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Store the FCM token this device receives login requests on, and its language */
    put: operations['DevicesController_setPushToken'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * This device revokes itself (the app forgets the phone): its credential stops working
     * @description The credential is refused at once (401) and the push token forgotten; `device.revoked` is sent with `actor: "device"`. The user's pending logins stay until they expire: this device can no longer approve them, the user's other devices still can. Register again to come back.
     */
    delete: operations['DevicesController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Public keys that verify simauth id_tokens (ES256, and RS256 for clients that ask) */
    get: operations['JwksController_jwks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Can the caller's mobile network do a PhoneCheck? (by the caller's IP) */
    get: operations['RegistrationController_coverage'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/registrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start registering this phone: creates a PhoneCheck for the number (or, where none can run and REGISTRATION_FALLBACK=sms, sends a code by SMS) */
    post: operations['RegistrationController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/registrations/{id}/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit what the check_url answered, as the registration's provider gave it ({check_id, code} from tru.ID, {request_id, code} from Vonage), or the code the SMS brought ({code}) */
    post: operations['RegistrationController_submitCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/registrations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read a registration */
    get: operations['RegistrationController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start a sign-in on the web; the registered phone is asked to approve */
    post: operations['CompanionLoginController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Status of a login (web client, Bearer poll_token); id_token once on MATCH_SUCCESS */
    get: operations['CompanionLoginController_poll'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Live status as Server-Sent Events: one `status` event per move, closes on a final status */
    get: operations['CompanionLoginController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/devices/me/logins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Logins waiting for this phone's approval (in case a push was lost) */
    get: operations['CompanionLoginController_pending'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve on the phone with the number the page shows; returns the check_url to open */
    post: operations['CompanionLoginController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}/approve-with-code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Fallback when PhoneCheck cannot run: approve with the number and an authenticator code */
    post: operations['CompanionLoginController_approveWithCode'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}/deny': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deny on the phone */
    post: operations['CompanionLoginController_deny'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/logins/{id}/code': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit what the check_url answered, as the login's provider gave it ({check_id, code} from tru.ID, {request_id, code} from Vonage, {} after Twilio), or the SMS's {code} */
    post: operations['CompanionLoginController_code'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/number-verifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start: Vonage Network Enablement returns the auth_url the device opens */
    post: operations['NumberVerificationController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/number-verifications/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Redirect target of Vonage's auth server: exchanges the code and asks CAMARA Number Verification */
    get: operations['NumberVerificationController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/number-verifications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read the outcome of a verification */
    get: operations['NumberVerificationController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's factors */
    get: operations['AuthenticatorsController_list'];
    put?: never;
    /** Add an authenticator factor (PENDING until activated with a first code) */
    post: operations['AuthenticatorsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete one of the user's own factors (PENDING or ACTIVE); sends `factor.deleted`. Another user's factor is 404 */
    delete: operations['AuthenticatorsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors/{id}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate with a first code; wrong codes lock the factor for a while */
    post: operations['AuthenticatorsController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors/{id}/challenges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Issue a challenge on an active factor */
    post: operations['AuthenticatorsController_challenge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors/{id}/challenges/{cid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A challenge's status: how an app learns that the person answered it in the tru.ID app (tru.ID then calls simauth back) */
    get: operations['AuthenticatorsController_getChallenge'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/factors/{id}/challenges/{cid}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer a challenge with a code (single use within its window) */
    post: operations['AuthenticatorsController_verify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/callbacks/truid/challenges': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * tru.ID → simauth: a challenge changed (HTTP-signed; each callback applied once)
     * @description Signed by tru.ID: an HTTP message signature (rsa-sha256 over `(request-target) host date x-tru-callback digest`) with the key its keyId names in tru.ID's published JWKS. A duplicate of an applied callback is answered 200 with the challenge's status and changes nothing. Not limited per IP.
     */
    post: operations['AuthenticatorsController_callback'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/interaction/{uid}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the authorization endpoint sends the browser: the login page */
    get: operations['OidcInteractionController_page'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/interaction/{uid}/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start the companion login of this sign-in (same answer as /v1/logins) */
    post: operations['OidcInteractionController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/interaction/{uid}/finish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand the finished login to the client: signed in, or access_denied if denied */
    post: operations['OidcInteractionController_finish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/oidc/interaction/{uid}/abort': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give up this sign-in: the client gets access_denied */
    post: operations['OidcInteractionController_abort'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find a user by phone number */
    get: operations['AdminController_findUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user, with devices, factors and recent attempts */
    get: operations['AdminController_user'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/block': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Block a user: their logins are answered like an unknown number's, their live logins and number verifications end (EXPIRED) */
    post: operations['AdminController_block'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/unblock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unblock a user */
    post: operations['AdminController_unblock'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/devices': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's trusted phones */
    get: operations['AdminController_devices'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/devices/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a device: its credential stops working at once, everywhere */
    delete: operations['AdminController_revokeDevice'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/factors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's authenticator factors */
    get: operations['AdminController_factors'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/factors/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a factor (account recovery: the person enrols a new one) */
    delete: operations['AdminController_deleteFactor'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/attempts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search attempts by number, user, kind, status and time, newest first */
    get: operations['AdminController_searchAttempts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/attempts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An attempt with every move it made */
    get: operations['AdminController_attempt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's browser sessions at the OpenID Provider */
    get: operations['AdminController_sessions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/sessions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End a session and revoke the grants given in it (their refresh tokens die) */
    delete: operations['AdminController_revokeSession'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/users/{id}/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's grants: which apps may act for them, with which scopes */
    get: operations['AdminController_grants'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a grant: every access and refresh token under it dies at once */
    delete: operations['AdminController_revokeGrant'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail as JSON lines: every attempt move and admin call, in commit order, from a cursor */
    get: operations['AdminController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/webhooks/endpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The webhook endpoints (set in WEBHOOKS) and the event types each takes; never secrets */
    get: operations['AdminController_endpoints'];
    put?: never;
    /** Register a webhook endpoint (beside those of WEBHOOKS); the answer carries its secret, shown once */
    post: operations['AdminController_createEndpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/webhooks/endpoints/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a registered endpoint; its undelivered events are marked dead */
    delete: operations['AdminController_deleteEndpoint'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/webhooks/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Webhook deliveries (pending, delivered, dead), newest first */
    get: operations['AdminController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/webhooks/deliveries/{id}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivery again from its first try, with the same webhook-id (e.g. a dead one) */
    post: operations['AdminController_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/admin/v1/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The SIM-proof providers in their failover order, and each provider client's circuit breaker on this replica */
    get: operations['AdminController_providers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    PushTokenDto: {
      /**
       * @description FCM registration token of this app install
       * @example fcm-token-from-the-app
       */
      fcm_token: string;
      /**
       * @description The phone's language, a BCP 47 tag (e.g. `de-CH`): the login request's notification title and body are written in it (en, de, fr, es; English otherwise). Stored on the device; omitted, the device keeps the one it had
       * @example de-CH
       */
      locale?: string;
    };
    CoverageResponse: {
      /** @description Whether the caller's mobile network supports a PhoneCheck */
      phone_check_supported: boolean;
      /** @example Sandbox Mobile */
      network_name?: string;
    };
    CreateRegistrationDto: {
      /**
       * @description The number of the SIM in this phone
       * @example +447700900001
       */
      phone_number: string;
      /**
       * @description The app's own stable id for this install
       * @example ios-6f1c2a
       */
      device_id: string;
      /**
       * @description How to prove the number. `phone_check` (default) falls back to `sms` by itself where PhoneCheck cannot run for the number (REGISTRATION_FALLBACK=sms); ask for `sms` when GET /v1/coverage said the phone cannot (e.g. on Wi-Fi only)
       * @enum {string}
       */
      channel?: 'phone_check' | 'sms';
      /**
       * @description The phone's language, a BCP 47 tag (e.g. `de-CH`): the login request's notification title and body are written in it (en, de, fr, es; English otherwise). Stored on the device; omitted, the device keeps the one it had
       * @example de-CH
       */
      locale?: string;
    };
    RegistrationCreatedResponse: {
      /** Format: uuid */
      registration_id: string;
      /** @description Open on the phone over mobile data, follow redirects; ends in {check_id, code} (tru.ID) or {request_id, code} (Vonage), which the phone posts to /code as it is; the SNA URL of Twilio answers text (`ErrorCode=0&…`), and the phone posts `{}`. Absent when the code went by SMS */
      check_url?: string;
      /**
       * @description Present when the code went out by SMS (status CODE_SENT): post it to /code as {code}
       * @enum {string}
       */
      channel?: 'sms';
      /**
       * @description Who made the check_url (SIM_PROOF_PROVIDERS, after any failover): post what it answered to /code, `{check_id, code}` from tru.ID, `{request_id, code}` from Vonage, `{}` after Twilio (its answer is not JSON). Absent when the code went by SMS
       * @enum {string}
       */
      provider?: 'truid' | 'vonage' | 'twilio';
      /**
       * @example CHECK_CREATED
       * @enum {string}
       */
      status:
        | 'CHECK_CREATED'
        | 'CODE_SENT'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /** Format: date-time */
      expires_at: string;
    };
    SubmitCodeDto: {
      /**
       * @description check_id from the end of the check_url redirects (a registration whose `provider` is `truid`; absent for an SMS one)
       * @example c69bc0e6a2b44e7f9b2b1d3a4c5e6f70
       */
      check_id: string;
      /**
       * @description request_id from what the check_url answered, with its code (a registration whose `provider` is `vonage`: Vonage silent authentication); the registration's provider decides which of check_id and request_id it takes
       * @example c11236f4-00bf-4b89-84ba-88b25df97315
       */
      request_id?: string;
      /**
       * @description code from the end of the check_url redirects (absent when they ended in `error`), or the code the SMS brought; none for a registration whose `provider` is `twilio` (post `{}`)
       * @example 123456
       */
      code: string;
      /**
       * @description The error the check_url redirects ended with instead of a code (e.g. tru.ID's `not_mobile_ip` on Wi-Fi, with its check_id; Vonage's `network-error`, the fragment of its problem's `type`, alone): the registration ends PROVIDER_ERROR
       * @example not_mobile_ip
       */
      error?: string;
      /** @description The provider's description of that error; not stored */
      error_description?: string;
    };
    RegistrationCodeResponse: {
      /**
       * @example MATCH_SUCCESS
       * @enum {string}
       */
      status:
        | 'CHECK_CREATED'
        | 'CODE_SENT'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /** @description Whether the SIM in the phone holds the registered number */
      match: boolean;
      /** @description The device credential, on MATCH_SUCCESS only, shown once: send it as Bearer on device calls */
      device_token?: string;
      /**
       * Format: uuid
       * @description On MATCH_SUCCESS only: the user simauth knows this phone number as (the `sub` of its id_tokens, the `user_id` of webhooks and the admin API); the same for every device of the number
       */
      user_id?: string;
      /**
       * Format: uuid
       * @description On MATCH_SUCCESS only: this device as simauth knows it (the `device_id` of `device.revoked` and the admin API), not the app's own `device_id` sent to POST /v1/registrations; the same on a re-registration of that install
       */
      device_id?: string;
    };
    RegistrationResponse: {
      /** Format: uuid */
      registration_id: string;
      /** @enum {string} */
      status:
        | 'CHECK_CREATED'
        | 'CODE_SENT'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /** Format: date-time */
      expires_at: string;
    };
    StartLoginDto: {
      /**
       * @description The number the person signs in with
       * @example +447700900001
       */
      phone_number: string;
    };
    LoginStartedResponse: {
      /** Format: uuid */
      login_id: string;
      /** @description Bearer secret for GET /v1/logins/{id} and its event stream; keep it in the page */
      poll_token: string;
      /**
       * @example PENDING
       * @enum {string}
       */
      status:
        | 'PENDING'
        | 'APPROVED'
        | 'MATCH_PENDING'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'DENIED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /**
       * @description Show this on the page; the person picks it on the phone
       * @example 42
       */
      match_number: number;
      /** Format: date-time */
      expires_at: string;
    };
    LoginResponse: {
      /** Format: uuid */
      login_id: string;
      /** @enum {string} */
      status:
        | 'PENDING'
        | 'APPROVED'
        | 'MATCH_PENDING'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'DENIED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /** Format: date-time */
      expires_at: string;
      /** @description ES256 JWT (verify with /.well-known/jwks.json); on MATCH_SUCCESS, delivered once */
      id_token?: string;
    };
    PendingLoginResponse: {
      /** Format: uuid */
      login_id: string;
      /**
       * @example [
       *       17,
       *       42,
       *       83
       *     ]
       */
      match_numbers: number[];
      /** Format: date-time */
      expires_at: string;
      /**
       * @description A CIBA client's message to show on the phone (point of sale, call centre); a two-digit one is the number to pick
       * @example Till 4: pay 12.50
       */
      binding_message?: string;
      /**
       * @description The app the person signs in to, when an OpenID client started the login (its `client_name`): show it on the phone
       * @example Beispiel Shop
       */
      client_name?: string;
      /**
       * @description PENDING: approve or deny it. APPROVED: this phone approved it and has still to open check_url and send the code (e.g. the app restarted)
       * @enum {string}
       */
      status: 'PENDING' | 'APPROVED';
      /** @description APPROVED only: the PhoneCheck to finish (tru.ID's) */
      check_id?: string;
      /** @description APPROVED only: the silent authentication to finish (Vonage's, instead of check_id) */
      request_id?: string;
      /** @description APPROVED only: the URL to open over mobile data */
      check_url?: string;
      /**
       * @description APPROVED only, with check_url: whose check it is
       * @enum {string}
       */
      provider?: 'truid' | 'vonage' | 'twilio';
      /**
       * @description APPROVED only, instead of a check: the code came by SMS; send it to /code
       * @enum {string}
       */
      channel?: 'sms';
    };
    ApproveLoginDto: {
      /**
       * @description The number the web page shows, picked from the three on the phone
       * @example 42
       */
      match_number: number;
    };
    ApproveResponse: {
      /**
       * @example APPROVED
       * @enum {string}
       */
      status:
        | 'PENDING'
        | 'APPROVED'
        | 'MATCH_PENDING'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'DENIED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
      /** @description Open on the phone over mobile data; absent when the number was wrong (DENIED) */
      check_url?: string;
      /**
       * @description Who made the check_url (SIM_PROOF_PROVIDERS, after any failover): post what it answered to /code, `{check_id, code}` from tru.ID, `{request_id, code}` from Vonage, `{}` after Twilio (its answer is not JSON)
       * @enum {string}
       */
      provider?: 'truid' | 'vonage' | 'twilio';
      /**
       * @description Present when no PhoneCheck can run for the number and a code went out by SMS instead (REGISTRATION_FALLBACK=sms): send it to /code as {code}
       * @enum {string}
       */
      channel?: 'sms';
    };
    ApproveWithCodeDto: {
      /**
       * @description The number the web page shows, picked from the three on the phone
       * @example 42
       */
      match_number: number;
      /**
       * Format: uuid
       * @description An ACTIVE authenticator factor of the user
       */
      factor_id: string;
      /**
       * @description The code the authenticator app shows
       * @example 123456
       */
      code: string;
    };
    LoginStatusResponse: {
      /** @enum {string} */
      status:
        | 'PENDING'
        | 'APPROVED'
        | 'MATCH_PENDING'
        | 'MATCH_SUCCESS'
        | 'MATCH_FAILED'
        | 'DENIED'
        | 'EXPIRED'
        | 'PROVIDER_ERROR'
        | 'SIM_SWAP_DETECTED';
    };
    LoginCodeDto: {
      /** @description check_id from the end of the check_url redirects (absent when the code came by SMS) */
      check_id: string;
      /** @description request_id from what the check_url answered (a login whose `provider` is `vonage`: Vonage silent authentication); the login's provider decides which of check_id and request_id it takes */
      request_id?: string;
      /**
       * @description code from the end of the check_url redirects, or the code the SMS brought; none for a login whose `provider` is `twilio` (post `{}`)
       * @example 123456
       */
      code: string;
    };
    StartNumberVerificationDto: {
      /**
       * @description The number to verify, as the device claims it
       * @example +99012345670
       */
      phone_number: string;
    };
    NumberVerificationStartedResponse: {
      /** Format: uuid */
      verification_id: string;
      /** @description Open on the device over mobile data and follow the redirects */
      auth_url: string;
      /** Format: date-time */
      expires_at: string;
    };
    NumberVerificationResponse: {
      /** Format: uuid */
      verification_id: string;
      /** @enum {string} */
      status: 'AUTH_URL_ISSUED' | 'VERIFIED' | 'NOT_VERIFIED' | 'EXPIRED' | 'PROVIDER_ERROR';
      /** @description The network says the device holds the number (once decided) */
      device_phone_number_verified?: boolean;
      /** @description On VERIFIED, for a registered number, in the callback answer only: ES256 JWT, amr ["nv"] */
      id_token?: string;
    };
    CreateFactorDto: {
      /**
       * @description tru.ID Authenticator, or a local TOTP factor
       * @enum {string}
       */
      type: 'truid' | 'totp';
    };
    FactorCreatedResponse: {
      /** Format: uuid */
      factor_id: string;
      /** @example PENDING */
      status: string;
      /** @description PNG QR code of otpauth_url, as a data URL */
      qr_data_url: string;
      /** @description otpauth:// URI for manual entry */
      otpauth_url: string;
    };
    FactorResponse: {
      /** Format: uuid */
      factor_id: string;
      /** @enum {string} */
      type: 'truid' | 'totp';
      /** @enum {string} */
      status: 'PENDING' | 'ACTIVE' | 'INACTIVE';
      /** Format: date-time */
      created_at: string;
    };
    FactorCodeDto: {
      /**
       * @description The 6-digit code the authenticator app shows
       * @example 123456
       */
      code: string;
    };
    FactorStatusResponse: {
      /** @example ACTIVE */
      status: string;
    };
    CreateChallengeDto: {
      /**
       * @description Shown to the person where the provider supports it
       * @example Confirm the transfer
       */
      message?: string;
    };
    ChallengeResponse: {
      /** Format: uuid */
      challenge_id: string;
      /** @enum {string} */
      status: 'PENDING' | 'VERIFIED' | 'FAILED' | 'EXPIRED';
    };
    ChallengeViewResponse: {
      /** Format: uuid */
      challenge_id: string;
      /** @enum {string} */
      status: 'PENDING' | 'VERIFIED' | 'FAILED' | 'EXPIRED';
      /** Format: date-time */
      expires_at: string;
    };
    ChallengeStatusResponse: {
      /** @enum {string} */
      status: 'PENDING' | 'VERIFIED' | 'FAILED' | 'EXPIRED';
    };
    FinishInteractionDto: {
      /** @description The poll_token of the login this page started */
      poll_token: string;
    };
    InteractionRedirectResponse: {
      /**
       * @description Where the browser goes next: back to the authorization endpoint, then the client
       * @example http://localhost:3000/oidc/auth/8mGx…
       */
      redirect_to: string;
    };
    Page: {
      items: Record<string, never>[];
      /** @description Pass as `cursor` for the next page; null on the last page */
      next_cursor: string | null;
    };
    CreateEndpointBody: {
      /**
       * @description Where to POST, http(s)
       * @example https://fraud.example/hooks
       */
      url: string;
      /**
       * @description Event types (registration.succeeded, registration.failed, registration.sim_swap_detected, login.approved, login.succeeded, login.failed, login.sim_swap_detected, factor.activated, factor.challenge_verified, factor.challenge_failed, factor.deleted, device.revoked, user.blocked, user.unblocked), "prefix.*" or "*"
       * @example [
       *       "login.*",
       *       "registration.sim_swap_detected"
       *     ]
       */
      events: string[];
      /** @description A Standard Webhooks key (whsec_ and base64, at least 24 bytes); absent: one is generated and returned once */
      secret?: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example ok */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /** @example {} */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
      /**
       * @description A dependency is down
       *
       *     The Health Check is not successful
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @example error */
            status?: string;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up"
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect"
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                status: string;
              } & {
                [key: string]: unknown;
              };
            };
          };
        };
      };
    };
  };
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /** @example simauth_http_request_duration_seconds_count{method="GET",route="/v1/coverage",status="200"} 3 */
          'text/plain; version=0.0.4': string;
        };
      };
    };
  };
  DevicesController_setPushToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PushTokenDto'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Missing or invalid device credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  DevicesController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing or invalid device credential
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  JwksController_jwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': unknown;
        };
      };
    };
  };
  RegistrationController_coverage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoverageResponse'];
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  RegistrationController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRegistrationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationCreatedResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  RegistrationController_submitCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationCodeResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  RegistrationController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistrationResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartLoginDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginStartedResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_poll: {
    parameters: {
      query?: never;
      header: {
        authorization: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_events: {
    parameters: {
      query: {
        /** @description The poll_token of this login (EventSource cannot send headers) */
        poll_token: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description event: status, data: the same JSON as GET /v1/logins/{id} */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example id: 2
           *     event: status
           *     data: {"login_id":"…","status":"APPROVED","expires_at":"…"}
           */
          'text/event-stream': string;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_pending: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PendingLoginResponse'][];
        };
      };
      /** @description Missing or invalid device credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CompanionLoginController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApproveLoginDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApproveResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing or invalid device credential
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_approveWithCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApproveWithCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginStatusResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing or invalid device credential
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_deny: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginStatusResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing or invalid device credential
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  CompanionLoginController_code: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginStatusResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing or invalid device credential
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  NumberVerificationController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartNumberVerificationDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NumberVerificationStartedResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  NumberVerificationController_callback: {
    parameters: {
      query: {
        /** @description The state of the verification (single use) */
        state: string;
        /** @description Authorization code */
        code?: string;
        /** @description OIDC error, when the network refused (e.g. access_denied) */
        error?: string;
        error_description?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NumberVerificationResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  NumberVerificationController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NumberVerificationResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FactorResponse'][];
        };
      };
      /** @description Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuthenticatorsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateFactorDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FactorCreatedResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_activate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FactorCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FactorStatusResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_challenge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateChallengeDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChallengeResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_getChallenge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        cid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChallengeViewResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        cid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FactorCodeDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChallengeStatusResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Missing or invalid credential
       *
       *     Missing, invalid or expired id_token; or a device credential that is unknown, revoked, or of a blocked user
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Expired: start a new one */
      410: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:attempt-expired */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider failed; the attempt is kept */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AuthenticatorsController_callback: {
    parameters: {
      query?: never;
      header: {
        'X-Tru-Callback': string;
        /** @description within 5 minutes of our clock */
        Date: string;
        /** @description SHA-256=<base64 of the body digest> */
        Digest: string;
        /** @description Signature keyId="…",algorithm="rsa-sha256",headers="(request-target) host date x-tru-callback digest",signature="…" */
        Authorization: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description tru.ID's challenge id */
          challenge_id: string;
          /** @enum {string} */
          status: 'VERIFIED' | 'FAILED' | 'EXPIRED';
        };
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChallengeStatusResponse'];
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Well-formed but refused */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unprocessable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The feature's provider is not configured on this server (the detail names the settings) */
      501: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:feature-not-configured */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The provider is unavailable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:provider-unavailable */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  OidcInteractionController_page: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the login page (or on, for a consent prompt) */
      303: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  OidcInteractionController_start: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartLoginDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LoginStartedResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  OidcInteractionController_finish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FinishInteractionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InteractionRedirectResponse'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  OidcInteractionController_abort: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        uid: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InteractionRedirectResponse'];
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_findUser: {
    parameters: {
      query: {
        /** @description The user's number, in any E.164 spelling (found in its canonical form) */
        phone_number: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_user: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_block: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_unblock: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_devices: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The devices */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_revokeDevice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_factors: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The factors */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_deleteFactor: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_searchAttempts: {
    parameters: {
      query?: {
        /** @description The `next_cursor` of the previous page */
        cursor?: string;
        /** @description Items per page */
        limit?: number;
        /** @description Attempts for this number (any E.164 spelling) */
        phone_number?: string;
        /** @description Attempts of this user (logins, factors) */
        user_id?: string;
        kind?:
          | 'registration'
          | 'companion_login'
          | 'factor_activation'
          | 'factor_challenge'
          | 'number_verification';
        status?:
          | 'ACTIVE'
          | 'APPROVED'
          | 'AUTH_URL_ISSUED'
          | 'CHECK_CREATED'
          | 'CODE_SENT'
          | 'DENIED'
          | 'EXPIRED'
          | 'FAILED'
          | 'MATCH_FAILED'
          | 'MATCH_PENDING'
          | 'MATCH_SUCCESS'
          | 'NOT_VERIFIED'
          | 'PENDING'
          | 'PROVIDER_ERROR'
          | 'SIM_SWAP_DETECTED'
          | 'VERIFIED';
        /** @description Created at or after (ISO 8601) */
        since?: string;
        /** @description Created before (ISO 8601) */
        until?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of attempts */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Page'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_attempt: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The attempt and its events */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_sessions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sessions */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_revokeSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The session_id of a session in the list */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ended */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_grants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The grants */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_revokeGrant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The grant_id of a grant in the list */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_events: {
    parameters: {
      query?: {
        /** @description Start after this event: the `cursor` of the last line you kept (absent: from the oldest kept event) */
        after?: string;
        /** @description Only events at or after this time (ISO 8601) */
        since?: string;
        /** @description Most lines in this response */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One JSON object per line, each with its `cursor`; phone numbers masked unless the token has simauth:admin:phone_numbers */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /** @example {"cursor":"812-0-77","type":"attempt.moved","at":"2026-11-30T09:00:00.000Z","attempt_id":"…","kind":"companion_login","from_status":"PENDING","to_status":"APPROVED","actor":"device","reason":null,"request_id":"…","user_id":"…","phone_number":"+44********01"} */
          'application/x-ndjson': string;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_endpoints: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The endpoints */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>[];
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_createEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEndpointBody'];
      };
    };
    responses: {
      /** @description The endpoint with its secret */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is over 16 KiB */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:payload-too-large */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description The body is not application/json in UTF-8 */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unsupported-media-type */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_deleteEndpoint: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_deliveries: {
    parameters: {
      query?: {
        /** @description The `next_cursor` of the previous page */
        cursor?: string;
        /** @description Items per page */
        limit?: number;
        /** @description Only deliveries in this state */
        state?: 'pending' | 'delivered' | 'dead';
        /** @description Only deliveries to this endpoint (its url in WEBHOOKS) */
        endpoint?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of deliveries */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Page'];
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_redeliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description The delivery_id (its webhook-id, msg_…) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued: the delivery as it is now */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Invalid request: malformed JSON, an unknown field, or a bad value (named in errors[]) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:validation-error */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Unknown id */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:not-found */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not possible in the current status, or a concurrent request won */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:invalid-transition */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /**
       * @description Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       *
       *     Rate limited; see Retry-After
       */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
  AdminController_providers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description `{sim_proof_providers, sim_swap_providers, circuits: [{provider, feature, client, state, consecutive_failures, open_until}]}` */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': Record<string, never>;
        };
      };
      /** @description Missing or invalid credential */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:unauthorized */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Not yours */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:forbidden */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
      /** @description Rate limited; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': {
            /** @example urn:simauth:problem:rate-limited */
            type?: string;
            title?: string;
            status?: number;
            detail?: string;
            request_id?: string;
            errors?: {
              field?: string;
              message?: string;
              /**
               * @description Why, for programs, where the rule says: for a phone number, one of NOT_A_NUMBER, INVALID_COUNTRY, TOO_SHORT, TOO_LONG, INVALID_LENGTH, INVALID_NUMBER (INVALID_NUMBER: a possible length, but in no range its country allocates)
               * @example INVALID_NUMBER
               */
              reason?: string;
            }[];
          };
        };
      };
    };
  };
}
