import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
import { Observable } from 'rxjs';
import { RateLimitedError } from '@simauth/http';
import { metrics } from '@simauth/observability';

/** How long a client refused for too many open streams should wait before trying again. */
const STREAM_RETRY_AFTER_SECONDS = 5;

/**
 * Writes an Observable as a text/event-stream: one `event` per value, a comment as heartbeat, and
 * the end of the stream when the source completes. Open streams end, with a retry hint, when the
 * app shuts down, so a load balancer can move the client to another replica at once.
 */
@Injectable()
export class SseStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<(reconnectNow?: boolean) => void>();
  /** Open streams per key (a login, a client address), in this process. */
  private readonly counts = new Map<string, number>();

  /**
   * Takes a slot for one more stream under `key`, or throws 429 when `max` are open; the
   * returned function gives it back (once, however often it is called).
   */
  reserve(key: string, max: number, what: string): () => void {
    const count = this.counts.get(key) ?? 0;
    if (count >= max) {
      throw new RateLimitedError(
        `Too many live status streams ${what} (at most ${max} at a time); close one or try again in ${STREAM_RETRY_AFTER_SECONDS} s.`,
        STREAM_RETRY_AFTER_SECONDS,
      );
    }
    this.counts.set(key, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    };
  }

  send<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    source: Observable<T>,
    event: string,
    toData: (value: T) => { id: string; data: unknown },
    heartbeatMs: number,
    onEnd: () => void = () => undefined,
  ): void {
    // The stream is written to the socket directly; the headers set so far (request id,
    // security and CORS headers) go with it.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');

    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    metrics.sseConnections.inc();
    let ended = false;
    const end = (reconnectNow = false) => {
      if (ended) return;
      if (reconnectNow && !res.writableEnded) res.write('retry: 100\n\n');
      ended = true;
      onEnd();
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
    req.raw.on('close', () => end());
  }

  /** Ends every stream, telling clients to reconnect at once (to another replica). */
  beforeApplicationShutdown(): void {
    for (const end of [...this.open]) end(true);
  }
}
