import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { metrics } from '@simauth/http';

/**
 * Writes an Observable as a text/event-stream: one `event` per value, a comment as heartbeat, and
 * the end of the stream when the source completes. Open streams end, with a retry hint, when the
 * app shuts down, so a load balancer can move the client to another replica at once.
 */
@Injectable()
export class SseStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<(reconnectNow?: boolean) => void>();

  send<T>(
    req: Request,
    res: Response,
    source: Observable<T>,
    event: string,
    toData: (value: T) => { id: string; data: unknown },
    heartbeatMs: number,
  ): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 2000\n\n');

    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    metrics.sseConnections.inc();
    let ended = false;
    const end = (reconnectNow = false) => {
      if (ended) return;
      if (reconnectNow && !res.writableEnded) res.write('retry: 100\n\n');
      ended = true;
      metrics.sseConnections.dec();
      clearInterval(heartbeat);
      subscription.unsubscribe();
      this.open.delete(end);
      if (!res.writableEnded) res.end();
    };
    const subscription = source.subscribe({
      next: (value) => {
        const { id, data } = toData(value);
        res.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      error: () => {
        res.write(
          `event: error\ndata: ${JSON.stringify({ title: 'The stream failed; reconnect' })}\n\n`,
        );
        end();
      },
      complete: () => end(),
    });
    this.open.add(end);
    req.on('close', () => end());
  }

  /** Ends every stream, telling clients to reconnect at once (to another replica). */
  beforeApplicationShutdown(): void {
    for (const end of [...this.open]) end(true);
  }
}
