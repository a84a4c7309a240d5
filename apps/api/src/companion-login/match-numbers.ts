import { randomInt } from 'node:crypto';

/**
 * Number matching: the web page shows one two-digit number, the phone offers three. Picking the
 * right one proves the person approving on the phone is looking at this login's page.
 */
export function drawMatchNumbers(): { matchNumber: number; candidates: number[] } {
  const picked = new Set<number>();
  while (picked.size < 3) picked.add(randomInt(10, 100));
  const candidates = [...picked];
  return { matchNumber: candidates[randomInt(0, 3)], candidates: candidates.sort((a, b) => a - b) };
}
