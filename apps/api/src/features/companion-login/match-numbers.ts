import { randomInt } from 'node:crypto';

/**
 * Number matching: the web page shows one two-digit number, the phone offers three. Picking the
 * right one proves the person approving on the phone is looking at this login's page. `shown` is
 * a number another screen already shows (a consumer's two-digit binding_message, e.g. a CIBA client's).
 */
export function drawMatchNumbers(shown?: number): { matchNumber: number; candidates: number[] } {
  const picked = new Set<number>(shown === undefined ? [] : [shown]);
  while (picked.size < 3) picked.add(randomInt(10, 100));
  const candidates = [...picked];
  return {
    matchNumber: shown ?? candidates[randomInt(0, 3)],
    candidates: candidates.sort((a, b) => a - b),
  };
}
