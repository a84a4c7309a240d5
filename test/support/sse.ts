export interface SseEvent {
  event: string;
  id?: string;
  data: any;
}

/** A Server-Sent Events client for tests: `next()` resolves with the next event, `ended` when the server closes. */
export class EventStreamClient {
  private readonly queue: SseEvent[] = [];
  private waiters: ((e: SseEvent | undefined) => void)[] = [];
  private readonly abort = new AbortController();
  private done = false;
  status = 0;
  readonly ended: Promise<void>;
  private readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    let markEnded!: () => void;
    this.ended = new Promise((r) => (markEnded = r));
    this.opened = fetch(url, {
      signal: this.abort.signal,
      headers: { accept: 'text/event-stream', ...headers },
    }).then(async (res) => {
      this.status = res.status;
      if (!res.body || res.status !== 200) {
        this.finish(markEnded);
        return;
      }
      this.pump(res.body.getReader(), markEnded).catch(() => this.finish(markEnded));
    });
    this.opened.catch(() => this.finish(markEnded));
  }

  async ready(): Promise<void> {
    await this.opened;
  }

  /** The next event; undefined once the stream ended. Rejects after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<SseEvent | undefined> {
    if (this.queue.length) return this.queue.shift();
    if (this.done) return undefined;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no event in time')), timeoutMs);
      this.waiters.push((e) => {
        clearTimeout(timer);
        resolve(e);
      });
    });
  }

  close(): void {
    this.abort.abort();
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>, markEnded: () => void) {
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const i = line.indexOf(':');
          if (i > 0) fields[line.slice(0, i)] = line.slice(i + 1).trimStart();
        }
        if (fields.data === undefined) continue;
        this.push({
          event: fields.event ?? 'message',
          id: fields.id,
          data: JSON.parse(fields.data),
        });
      }
    }
    this.finish(markEnded);
  }

  private push(e: SseEvent) {
    const waiter = this.waiters.shift();
    if (waiter) waiter(e);
    else this.queue.push(e);
  }

  private finish(markEnded: () => void) {
    this.done = true;
    for (const w of this.waiters.splice(0)) w(undefined);
    markEnded();
  }
}

/** Retries `check` until it passes or `timeoutMs` elapses (for effects with no event to await). */
export async function eventually(check: () => Promise<void>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
