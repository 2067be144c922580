// A development probe (not part of `npm run bench`): restores a generated corpus's engine from
// the cache the benchmark wrote beside it and times one operation, either the benchmark's own
// workload (same seed, same warm-up) or the inputs given, to find out where slow inputs spend.
//
//   node --expose-gc --import tsx bench/probe.ts <corpus dir> <op> [input ...]
//   node --expose-gc --cpu-prof --import tsx bench/probe.ts <data root>/n100000-s42-w150-250 ask
import { createCommandHandler } from '../src/commands/handle.js';
import { engineFromSnapshot } from '../src/engine/engine.js';
import { readCache } from '../src/engine-cache/cache-file.js';
import { silentLogger } from '../src/logger.js';
import { fullGc, runOp } from './measure.js';
import { createWorkload, OP_NAMES, type OpName } from './workload.js';

const [dir, opList, ...inputs] = process.argv.slice(2);
// Several operations, comma-separated, run in turn as the benchmark runs them.
const ops = (opList ?? '').split(',') as OpName[];
if (!dir || ops.some((op) => !OP_NAMES.includes(op))) {
  console.error(`usage: bench/probe.ts <corpus dir> <${OP_NAMES.join('|')}>[,<op>…] [input ...]`);
  process.exit(2);
}
const cached = await readCache(`${dir.replace(/\/+$/, '')}.engine.cache`, (why) => console.error(why));
if (!cached) throw new Error('no current cache beside the corpus: run `npm run bench -- --modes ours` first');
const engine = engineFromSnapshot(cached.snapshot);
const handler = createCommandHandler(engine, silentLogger);
const command = { paper: 'paper', search: 'search', searchFiltered: 'search', searchFiltersOnly: 'search', ask: 'ask', related: 'related' } as const;
const argName = { paper: 'name', search: 'query', ask: 'question', related: 'paper' } as const;
const call = (name: OpName, text: string): unknown => {
  if (name === 'autocomplete') return engine.suggest(text);
  const c = command[name];
  return handler.handle({ command: c, args: { [argName[c]]: text } } as never);
};
const workload = createWorkload(engine.papers, 300, 42);
const warm = createWorkload(engine.papers, 30, 43);
for (const op of ops) {
  fullGc();
  const stats = await runOp((text: string) => call(op, text), {
    warmup: warm[op],
    inputs: inputs.length > 0 ? inputs : workload[op],
    budgetMs: 120_000,
    describe: (s) => s,
    outcome: () => 'ok',
  });
  console.log(`${op}: n=${stats.n} p50 ${stats.p50.toFixed(2)} p90 ${stats.p90.toFixed(2)} p99 ${stats.p99.toFixed(2)} max ${stats.max.toFixed(2)} ms; GC ${stats.gc!.count} pauses ${stats.gc!.totalMs.toFixed(0)} ms, max ${stats.gc!.maxMs.toFixed(1)} ms`);
  for (const s of stats.slowest) console.log(`  ${s.ms.toFixed(2)} ms  ${JSON.stringify(s.input)}`);
}
