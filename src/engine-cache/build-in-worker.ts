// Runs buildSnapshot in a worker thread, so indexing never blocks the event loop that answers
// commands. Under tsx (npm start) the worker loads the TypeScript through tsx's API; from the
// compiled build it loads the JavaScript directly.
import { Worker } from 'node:worker_threads';
import { PaperbotError } from '../errors.js';
import type { BuildRequest, BuiltSnapshot } from './build.js';

type WorkerReply = { ok: true; built: BuiltSnapshot } | { ok: false; message: string; code?: string };

function startWorker(request: BuildRequest): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./build-worker.js', here), { workerData: request });
  const entry = new URL('./build-worker.ts', here).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(here)}))`;
  return new Worker(boot, { eval: true, workerData: request });
}

export function buildInWorker(request: BuildRequest): Promise<BuiltSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.ok) resolve(reply.built);
      else reject(new PaperbotError(reply.code ?? 'corpus_build', reply.message));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the index build worker stopped (exit code ${code}) before finishing`));
      settled = true;
    });
  });
}
