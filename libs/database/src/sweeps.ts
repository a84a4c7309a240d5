import type { LoggerService } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `sweep` every `intervalMs` in this process, registered with the scheduler as `name` (so it
 * stops with the app); a failed run is a warning and the next one tries again. Every replica
 * sweeps: what one deleted, the others find gone.
 */
export function scheduleSweep(
  scheduler: SchedulerRegistry,
  name: string,
  intervalMs: number,
  sweep: () => Promise<unknown>,
  logger: LoggerService,
): void {
  const timer = setInterval(() => {
    sweep().catch((err: Error) => logger.warn(`${name} failed: ${err.message}`));
  }, intervalMs);
  timer.unref();
  scheduler.addInterval(name, timer);
}

/** Calls `deleteBatch(size)` until a batch deletes fewer than `size` rows; returns the total. */
export async function deleteInBatches(
  size: number,
  deleteBatch: (size: number) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteBatch(size);
    total += deleted;
    if (deleted < size) return total;
  }
}
