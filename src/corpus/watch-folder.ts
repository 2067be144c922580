// Watches the data folder and calls back once changes settle (editors and copies write in bursts).
import { watch, type FSWatcher } from 'node:fs';
import type { Logger } from '../logger.js';

export interface FolderWatch {
  close(): void;
}

export function watchFolder(dir: string, onChange: () => void, options: { debounceMs?: number; logger: Logger }): FolderWatch {
  const debounceMs = options.debounceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name && String(name).startsWith('.')) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', (err) => options.logger.warn({ dir, err: err.message }, 'corpus: watching the data folder failed; new files need a restart'));
  } catch (err) {
    options.logger.warn({ dir, err: (err as Error).message }, 'corpus: cannot watch the data folder; new files need a restart');
  }
  return {
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
