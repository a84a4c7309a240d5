/** Wall-clock time in milliseconds; injected so that expiry logic can be tested without waiting. */
export abstract class Clock {
  abstract now(): number;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
