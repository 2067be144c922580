// An HTTP server on 127.0.0.1 that receives POSTs (a Slack response_url) and answers each only
// when the test releases it: a command whose reply is still being sent, held in flight.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldResponses {
  url(id: string): string;
  /** Resolves with the JSON body once the POST for `id` has arrived (and is being held). */
  arrived(id: string): Promise<Record<string, unknown>>;
  release(id: string): void;
  /** Whether the POST for `id` was answered. */
  released(id: string): boolean;
  close(): Promise<void>;
}

export async function createHeldResponses(): Promise<HeldResponses> {
  const bodies = new Map<string, Record<string, unknown>>();
  const pending = new Map<string, ServerResponse>();
  const done = new Set<string>();
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const id = (req.url ?? '/').slice(1);
      bodies.set(id, JSON.parse(text || '{}') as Record<string, unknown>);
      pending.set(id, res);
      for (const w of [...waiters]) w();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (id) => `http://127.0.0.1:${port}/${id}`,
    arrived: (id) =>
      new Promise((resolve) => {
        const check = () => {
          const body = bodies.get(id);
          if (body === undefined) return;
          waiters.delete(check);
          resolve(body);
        };
        waiters.add(check);
        check();
      }),
    release(id) {
      pending.get(id)?.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      pending.delete(id);
      done.add(id);
    },
    released: (id) => done.has(id),
    close() {
      for (const res of pending.values()) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
