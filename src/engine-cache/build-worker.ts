// The build worker's entry point: builds the snapshot and hands its typed arrays to the main
// thread without copying them.
import { parentPort, workerData } from 'node:worker_threads';
import { snapshotBuffers } from '../engine/snapshot.js';
import { buildSnapshot, type BuildRequest } from './build.js';

// The modules are loaded: the main thread stops waiting for a worker that never starts.
parentPort!.postMessage({ loaded: true });

try {
  const built = await buildSnapshot(workerData as BuildRequest);
  parentPort!.postMessage({ ok: true, built }, snapshotBuffers(built.snapshot));
} catch (err) {
  parentPort!.postMessage({ ok: false, message: (err as Error).message, code: (err as { code?: string }).code });
}
