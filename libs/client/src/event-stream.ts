/** One Server-Sent Event, as the stream's fields gave it. */
interface StreamEvent {
  event: string;
  data: string;
  id?: string;
  /** A `retry:` the server sent with (or as) this event, in milliseconds. */
  retry?: number;
}

/** Called with each event; a result other than undefined ends the reading. */
export type EventHandler<T> = (event: StreamEvent) => T | undefined;

/**
 * Parses text/event-stream text as it arrives (the WHATWG rules, without a dependency) and hands
 * each event, and each lone `retry:`, to `onEvent`.
 */
class EventStreamParser<T> {
  private buffer = '';
  private fields: { event?: string; data: string[]; id?: string; retry?: number } = { data: [] };

  constructor(private readonly onEvent: EventHandler<T>) {}

  /** Takes the next piece of text; returns the first result `onEvent` gave, if any. */
  push(text: string): T | undefined {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + (this.buffer.startsWith('\r\n', newline) ? 2 : 1));
      const result = this.line(line);
      if (result !== undefined) return result;
    }
    return undefined;
  }

  private line(line: string): T | undefined {
    const fields = this.fields;
    if (line === '') {
      this.fields = { data: [] };
      if (fields.data.length === 0 && fields.retry === undefined) return undefined;
      return this.onEvent({
        event: fields.event ?? 'message',
        data: fields.data.join('\n'),
        ...(fields.id !== undefined ? { id: fields.id } : {}),
        ...(fields.retry !== undefined ? { retry: fields.retry } : {}),
      });
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'event') fields.event = value;
    else if (name === 'data') fields.data.push(value);
    else if (name === 'id') fields.id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) fields.retry = Number(value);
    return undefined;
  }
}

/** Reads a text/event-stream body until `onEvent` gives a result or the stream ends. */
export async function readEventStream<T>(
  body: ReadableStream<Uint8Array>,
  onEvent: EventHandler<T>,
): Promise<T | undefined> {
  const parser = new EventStreamParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      const result = parser.push(decoder.decode(value, { stream: true }));
      if (result !== undefined) return result;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** Reads a whole text/event-stream text (a stream that already ended). */
export function readEventText<T>(text: string, onEvent: EventHandler<T>): T | undefined {
  return new EventStreamParser(onEvent).push(text);
}
