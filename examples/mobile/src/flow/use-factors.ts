import { useCallback, useEffect, useState } from 'react';
import type { EnrolledFactor, Factor } from '@simauth/client';
import { describeError, phone } from './phone';

/** The user's authenticator factors (the step-up after a SIM change): list, add, remove. */
export function useFactors() {
  const [factors, setFactors] = useState<Factor[] | null>(null);
  const [enrolling, setEnrolling] = useState<EnrolledFactor | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      setFactors(await phone.factors.list());
    } catch (err) {
      setError(describeError(err));
    }
  }, []);

  useEffect(() => {
    void run(async () => undefined);
  }, [run]);

  return {
    factors,
    enrolling,
    error,
    /** Starts an authenticator app (TOTP): show its otpauth:// URL, then activate with a code. */
    enrolTotp: () => run(async () => setEnrolling(await phone.factors.enrolTotp())),
    activate: (code: string) =>
      run(async () => {
        if (!enrolling) return;
        await phone.factors.activate(enrolling.factorId, code.trim());
        setEnrolling(null);
      }),
    remove: (factorId: string) => run(() => phone.factors.delete(factorId)),
  };
}
