import http from 'node:http';

/** A raw SSE client: resolves `until(status)` with the moment that status event arrived. */
export function openStatusStream(
  url: string,
): Promise<{ until(status: string): Promise<number>; close(): void }> {
  return new Promise((resolve, reject) => {
    const seen = new Map<string, number>();
    const waiting = new Map<string, (t: number) => void>();
    const req = http.get(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (!data) continue;
          const status = JSON.parse(data.slice(5)).status as string;
          seen.set(status, now);
          waiting.get(status)?.(now);
        }
      });
      resolve({
        until: (status) =>
          seen.has(status)
            ? Promise.resolve(seen.get(status)!)
            : new Promise((r) => waiting.set(status, r)),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
