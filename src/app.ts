// Wires the core together: loads the corpus, builds the engine and the command layer.
// The command line, the terminal chat and every chat adapter start from here.
import { loadCorpus, type Corpus } from './corpus/load-corpus.js';
import { formatIssue } from './corpus/paper.js';
import type { Clock } from './corpus/dates.js';
import { createEngine, type Engine } from './engine/engine.js';
import { createCommandHandler, type CommandHandler } from './commands/handle.js';
import type { Logger } from './logger.js';

export interface Paperbot {
  corpus: Corpus;
  engine: Engine;
  commands: CommandHandler;
}

export async function createPaperbot(options: { dataDir: string; clock: Clock; logger: Logger }): Promise<Paperbot> {
  const started = performance.now();
  const corpus = await loadCorpus(options.dataDir, options.clock);
  for (const issue of corpus.issues) options.logger.warn({ file: issue.file, line: issue.line, severity: issue.severity }, formatIssue(issue));
  const engine = createEngine(corpus);
  options.logger.info(
    { papers: corpus.papers.length, files: corpus.files.length, skipped: corpus.issues.filter((i) => i.severity === 'skipped').length, ms: Math.round(performance.now() - started) },
    'corpus loaded',
  );
  return { corpus, engine, commands: createCommandHandler(engine, options.logger) };
}
