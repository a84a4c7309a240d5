import { useCallback, useEffect, useRef, useState } from 'react';
import { parsePushMessage, PushLoginRequest } from '@simauth/client';
import { credentialStorage } from '../platform/credential-storage';
import { mobileData } from '../platform/mobile-data';
import { push } from '../platform/push';
import type { CodePrompt } from './code-prompts';
import { codePrompts, describeError, describeOutcome, NUMBER_KEY, phone } from './phone';

export interface Outcome {
  text: string;
  ok: boolean;
}

export interface PhoneState {
  /** Null while the stored credential is read. */
  registeredAs: string | null | undefined;
  /** What is going on (registering, proving the SIM…), or null. */
  progress: string | null;
  error: string | null;
  /** The code the flow waits for (SMS fallback, factor step-up). */
  codePrompt: CodePrompt | null;
  /** The login request on screen: three numbers and Deny. */
  request: PushLoginRequest | null;
  /** How the last request ended. */
  outcome: Outcome | null;
  /** True once simauth has this phone's push token: requests reach it from then on. */
  listening: boolean;
}

/**
 * The whole phone flow, with no platform in it: register, hand over the push token, show each
 * login request, approve (the SIM proof, the SMS or factor code when asked) or deny, forget.
 */
export function usePhone() {
  const [state, setState] = useState<PhoneState>({
    registeredAs: undefined,
    progress: null,
    error: null,
    codePrompt: null,
    request: null,
    outcome: null,
    listening: false,
  });
  const update = useCallback((patch: Partial<PhoneState>) => {
    setState((s) => ({ ...s, ...patch }));
  }, []);
  const registered = state.registeredAs != null;
  const requestRef = useRef<PushLoginRequest | null>(null);
  requestRef.current = state.request;

  useEffect(() => codePrompts.subscribe((codePrompt) => update({ codePrompt })), [update]);

  useEffect(() => {
    void (async () => {
      const ok = await phone.isRegistered();
      update({ registeredAs: ok ? ((await credentialStorage.get(NUMBER_KEY)) ?? '') : null });
    })();
  }, [update]);

  const show = useCallback(
    (request: PushLoginRequest) => {
      if (requestRef.current?.loginId === request.loginId) return;
      update({ request, outcome: null, error: null });
    },
    [update],
  );

  /** Asks simauth for the logins waiting for this phone (a push can be lost). */
  const refresh = useCallback(async () => {
    try {
      const waiting = (await phone.pendingLogins()).filter((l) => l.status === 'PENDING');
      if (waiting[0]) show(waiting[0]);
    } catch (err) {
      update({ error: describeError(err) });
    }
  }, [show, update]);

  // While registered: keep simauth's push token current, listen for pushes, look for waiting logins.
  useEffect(() => {
    if (!registered) return;
    const stopPush = push.onMessage((data) => {
      const request = parsePushMessage(data);
      if (request) show(request);
    });
    const stopRefresh = push.onTokenRefresh((token) => void phone.setPushToken(token));
    void (async () => {
      try {
        await phone.setPushToken(await push.token());
        update({ listening: true });
      } catch (err) {
        update({ error: describeError(err) });
      }
      await refresh();
    })();
    return () => {
      stopPush();
      stopRefresh();
      update({ listening: false });
    };
  }, [registered, refresh, show, update]);

  const register = useCallback(
    async (phoneNumber: string, sandboxSim?: string) => {
      update({ progress: 'Checking your SIM over mobile data…', error: null });
      try {
        mobileData.sandboxSim?.set(sandboxSim || phoneNumber);
        const { status } = await phone.register(phoneNumber);
        if (status !== 'MATCH_SUCCESS') {
          update({ progress: null, error: describeOutcome(status).text });
          return;
        }
        await credentialStorage.set(NUMBER_KEY, phoneNumber);
        update({ progress: null, registeredAs: phoneNumber });
      } catch (err) {
        update({ progress: null, error: describeError(err) });
      }
    },
    [update],
  );

  const approve = useCallback(
    async (matchNumber: number) => {
      const request = requestRef.current;
      if (!request) return;
      update({ progress: 'Approving: proving your SIM…', error: null });
      try {
        const { status } = await phone.approve(request.loginId, matchNumber);
        update({ progress: null, request: null, outcome: describeOutcome(status) });
      } catch (err) {
        // The login stays open (e.g. over Wi-Fi): the person may try again on mobile data.
        update({ progress: null, error: describeError(err) });
      }
    },
    [update],
  );

  const deny = useCallback(async () => {
    const request = requestRef.current;
    if (!request) return;
    try {
      await phone.deny(request.loginId);
      update({ request: null, outcome: { text: 'Denied: the sign-in was refused.', ok: false } });
    } catch (err) {
      update({ error: describeError(err) });
    }
  }, [update]);

  const forget = useCallback(async () => {
    try {
      await phone.forget();
      await credentialStorage.remove(NUMBER_KEY);
      update({ registeredAs: null, request: null, outcome: null, error: null });
    } catch (err) {
      update({ error: describeError(err) });
    }
  }, [update]);

  const dismiss = useCallback(() => update({ outcome: null, error: null }), [update]);

  return { state, register, approve, deny, refresh, forget, dismiss };
}
