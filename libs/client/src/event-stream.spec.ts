import { readEventStream, readEventText } from './event-stream';

const streamOf = (...chunks: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

describe('reading a text/event-stream', () => {
  it('hands over events split across chunks, with their id, and a lone retry: too', async () => {
    const seen: unknown[] = [];
    const result = await readEventStream(
      streamOf('retry: 2000\n\n: heartbeat\n\nid: 1\nevent: st', 'atus\ndata: {"a":1}\r\n\r\n'),
      (event) => {
        seen.push(event);
        return undefined;
      },
    );
    expect(result).toBeUndefined();
    expect(seen).toEqual([
      { event: 'message', data: '', retry: 2000 },
      { event: 'status', data: '{"a":1}', id: '1' },
    ]);
  });

  it('stops at the first event its handler answers for', () => {
    const text = 'event: status\ndata: PENDING\n\nevent: status\ndata: DONE\n\ndata: later\n\n';
    expect(readEventText(text, (e) => (e.data === 'DONE' ? e.data : undefined))).toBe('DONE');
  });
});
