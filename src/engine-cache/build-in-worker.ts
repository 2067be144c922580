// Runs buildSnapshot in a worker thread, so indexing never blocks the event loop that answers
// commands. Under tsx (npm start) the worker loads the TypeScript through tsx's API; from the
// compiled build it loads the JavaScript directly.
import { Worker } from 'node:worker_threads';
import { PaperbotError } from '../errors.js';
import type { BuildRequest, BuiltSnapshot } from './build.js';

type WorkerReply = { loaded: true } | { ok: true; built: BuiltSnapshot } | { ok: false; message: string; code?: string };

/**
 * How long a worker may take to load its modules before it counts as stalled. Under tsx the
 * worker compiles the sources first (seconds on a busy machine); loader hooks registered from a
 * worker have been known to hang on Node 20, and a first start must not wait forever on one.
 */
export const WORKER_LOAD_TIMEOUT_MS = 60_000;

function startWorker(request: BuildRequest): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./build-worker.js', here), { workerData: request });
  const entry = new URL('./build-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(boot, { eval: true, workerData: request });
}

/**
 * Builds in a worker thread. Rejects with code `worker_stalled` when the worker has not loaded
 * within `loadTimeoutMs`; the build itself may then take as long as it needs.
 */
export function buildInWorker(request: BuildRequest, options: { loadTimeoutMs?: number } = {}): Promise<BuiltSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    const timeoutMs = options.loadTimeoutMs ?? WORKER_LOAD_TIMEOUT_MS;
    const stalled = setTimeout(() => {
      if (settled) return;
      settled = true;
      reject(new PaperbotError('worker_stalled', `the index build worker did not start within ${Math.round(timeoutMs / 1000)} s`));
      void worker.terminate();
    }, timeoutMs);
    worker.on('message', (reply: WorkerReply) => {
      if ('loaded' in reply) {
        clearTimeout(stalled);
        return;
      }
      clearTimeout(stalled);
      if (!settled) {
        settled = true;
        if (reply.ok) resolve(reply.built);
        else reject(new PaperbotError(reply.code ?? 'corpus_build', reply.message));
      }
      void worker.terminate();
    });
    worker.once('error', (err) => {
      clearTimeout(stalled);
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      clearTimeout(stalled);
      if (!settled) reject(new Error(`the index build worker stopped (exit code ${code}) before finishing`));
      settled = true;
    });
  });
}
