// The operations endpoints on HEALTH_PORT: /healthz (the process is alive), /readyz (the corpus
// is loaded and every configured adapter connected) and /metrics (Prometheus text format).
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PaperbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Metrics } from './metrics.js';

/** Each check by name (`corpus`, `discord`, `slack`, `accepting`) and whether it passes. */
export type ReadinessChecks = Record<string, boolean>;

export interface HealthServerOptions {
  port: number;
  /** Default: all interfaces. */
  host?: string | undefined;
  readiness: () => ReadinessChecks;
  metrics: Metrics;
  logger: Logger;
}

export interface HealthServer {
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(): Promise<number>;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, type: string, body: string, head: boolean): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

export function createHealthServer(options: HealthServerOptions): HealthServer {
  const json = 'application/json; charset=utf-8';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('allow', 'GET, HEAD');
      send(res, 405, json, JSON.stringify({ error: 'method not allowed' }), false);
      return;
    }
    if (path === '/healthz') {
      send(res, 200, json, JSON.stringify({ status: 'ok' }), head);
    } else if (path === '/readyz') {
      const checks = options.readiness();
      const ready = Object.values(checks).every(Boolean);
      send(res, ready ? 200 : 503, json, JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }), head);
    } else if (path === '/metrics') {
      options.metrics.registry.metrics().then(
        (text) => send(res, 200, options.metrics.registry.contentType, text, head),
        (err: unknown) => {
          options.logger.error({ error: err instanceof Error ? err.message : String(err) }, 'health: could not collect metrics');
          send(res, 500, json, JSON.stringify({ error: 'metrics unavailable' }), head);
        },
      );
    } else {
      send(res, 404, json, JSON.stringify({ error: 'not found', paths: ['/healthz', '/readyz', '/metrics'] }), head);
    }
  });
  // Probes are short; idle keep-alive sockets must not hold up shutdown.
  server.keepAliveTimeout = 2_000;

  return {
    listen() {
      return new Promise((resolve, reject) => {
        const failed = (err: NodeJS.ErrnoException) => {
          reject(new PaperbotError('health_listen', `health: cannot listen on ${options.host ?? 'all interfaces'} port ${options.port} (${err.code ?? err.message}); set HEALTH_PORT to a free port`, { cause: err }));
        };
        server.once('error', failed);
        server.listen(options.port, options.host, () => {
          server.off('error', failed);
          const { port } = server.address() as AddressInfo;
          options.logger.info({ port, host: options.host ?? 'all interfaces', paths: ['/healthz', '/readyz', '/metrics'] }, 'health: listening');
          resolve(port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
