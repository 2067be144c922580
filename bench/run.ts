// The benchmark entry point (`npm run bench`): generates corpora, measures each size in fresh child
// processes (our engine, the cache estimate, vanilla MiniSearch, the load breakdown), prints tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_ROOT, prepareCorpus, removeCorpus, ROOT } from './corpus-files.js';
import { gcAvailable } from './measure.js';
import {
  accuracyTable,
  breakdownTable,
  buildTable,
  cacheTable,
  latencyTable,
  outcomesTable,
  targetsTable,
  vanillaTable,
  type SizeResults,
} from './report.js';
import { MODES, type ChildArgs, type ChildResult, type Mode } from './types.js';
import { OP_NAMES, type OpName } from './workload.js';

const USAGE = `Usage: node --expose-gc --import tsx bench/run.ts [options]

  --sizes 1000,10000,100000   generated papers per run (the 22 seed papers come on top)
  --queries 300               timed calls per operation (after the warm-up)
  --warmup 30                 untimed calls per operation first
  --modes ours,cache,vanilla,breakdown
                              ours: load, index, write the cache, latency, memory, accuracy; cache:
                              start-up from that cache in a fresh process; vanilla: default MiniSearch;
                              breakdown: where load and index time and heap go
  --ops autocomplete,paper,search,searchFiltered,searchFiltersOnly,ask,related
  --op-seconds 120            stop timing an operation after this much measured time
  --seed 42                   generator and workload seed
  --min-words 150 --max-words 250
  --data-root DIR             where generated corpora are cached (default ${DEFAULT_DATA_ROOT})
  --fresh                     regenerate even if a cached corpus matches
  --clean                     delete the generated corpora afterwards
  --profile DIR               write a .cpuprofile per phase and operation (timings carry profiler overhead)
  --max-old-space 8192        V8 heap limit of the child processes, MB (0: node's default, about 4 GB here)
  --json FILE                 also write every result as JSON`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    queries: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '30' },
    modes: { type: 'string', default: MODES.join(',') },
    ops: { type: 'string', default: OP_NAMES.join(',') },
    'op-seconds': { type: 'string', default: '120' },
    seed: { type: 'string', default: '42' },
    'min-words': { type: 'string', default: '150' },
    'max-words': { type: 'string', default: '250' },
    'data-root': { type: 'string', default: DEFAULT_DATA_ROOT },
    fresh: { type: 'boolean', default: false },
    clean: { type: 'boolean', default: false },
    profile: { type: 'string' },
    'max-old-space': { type: 'string', default: '8192' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const sizes = list(values.sizes).map((s) => Number(s.replace(/_/g, '')));
const modes = list(values.modes) as Mode[];
const ops = list(values.ops) as OpName[];
for (const m of modes) if (!MODES.includes(m)) throw new Error(`unknown mode ${m}; modes are ${MODES.join(', ')}`);
for (const o of ops) if (!OP_NAMES.includes(o)) throw new Error(`unknown op ${o}; ops are ${OP_NAMES.join(', ')}`);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes must be positive integers, got ${values.sizes}`);
const seed = Number(values.seed);
const spec = { seed, minWords: Number(values['min-words']), maxWords: Number(values['max-words']) };

/** The commit measured, and whether the engine's sources differ from it. */
function revision(): string {
  const git = (...args: string[]) => spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return process.env.BENCH_COMMIT ? `${process.env.BENCH_COMMIT} (snapshot)` : 'unknown (not a git checkout)';
  const dirty = git('status', '--porcelain', '--', 'src', 'test/support', 'data').stdout.trim();
  return `${head.stdout.trim()}${dirty ? ' + uncommitted changes in src/, test/support/ or data/' : ''}`;
}

const started = new Date();
const machine = {
  date: started.toISOString(),
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.availableParallelism(),
  memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(' '),
  commit: revision(),
};

const childPath = path.join(ROOT, 'bench/child.ts');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'paperbot-bench-out-'));

function runChild(args: Omit<ChildArgs, 'out'>): ChildResult {
  const out = path.join(tmp, `${args.size}-${args.mode}.json`);
  const payload = Buffer.from(JSON.stringify({ ...args, out } satisfies ChildArgs)).toString('base64');
  const heap = Number(values['max-old-space']) > 0 ? [`--max-old-space-size=${values['max-old-space']}`] : [];
  const node = ['--expose-gc', ...heap, '--import', 'tsx', childPath, payload];
  const start = performance.now();
  const r = spawnSync(process.execPath, node, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.mode} child for ${args.size} papers failed (${r.signal ?? `exit ${r.status}`})`);
  process.stderr.write(`  [${args.size} ${args.mode}] done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  return JSON.parse(readFileSync(out, 'utf8')) as ChildResult;
}

process.stderr.write(`paperbot bench: sizes ${sizes.join(', ')}; modes ${modes.join(', ')}; ${values.queries} queries/op; ${machine.cores} cores, load ${machine.loadAverage}\n`);
if (!gcAvailable()) process.stderr.write('note: run with node --expose-gc for the parent too (children always get it)\n');

const results: SizeResults[] = [];
for (const size of sizes) {
  process.stderr.write(`[${size}] preparing the corpus…\n`);
  const prepared = prepareCorpus({ size, ...spec }, values['data-root'], values.fresh);
  process.stderr.write(`[${size}] ${prepared.reused ? 'reusing' : 'generated'} ${prepared.dir} (${(prepared.bytes / 1e6).toFixed(1)} MB, ${prepared.files} files, generate ${(prepared.generateMs / 1000).toFixed(2)} s)\n`);
  const entry: SizeResults = { size, dataBytes: prepared.bytes, generateMs: prepared.generateMs, generateReused: prepared.reused, failures: [] };
  for (const mode of modes) {
    try {
      const result = runChild({
        mode,
        dir: prepared.dir,
        size,
        queries: Number(values.queries),
        warmup: Number(values.warmup),
        seed,
        opBudgetMs: Number(values['op-seconds']) * 1000,
        ops,
        ...(values.profile ? { profileDir: path.resolve(values.profile) } : {}),
      });
      switch (result.mode) {
        case 'ours':
          entry.ours = result;
          break;
        case 'cache':
          entry.cache = result;
          break;
        case 'vanilla':
          entry.vanilla = result;
          break;
        case 'breakdown':
          entry.breakdown = result;
          break;
      }
    } catch (err) {
      entry.failures.push(String((err as Error).message));
      process.stderr.write(`  ${String((err as Error).message)}\n`);
    }
  }
  results.push(entry);
  if (values.clean) removeCorpus(prepared.dir);
}
rmSync(tmp, { recursive: true, force: true });

const sections: string[] = [];
const section = (title: string, body: string) => {
  if (body.trim()) sections.push(`### ${title}\n\n${body}`);
};
sections.push(
  [
    '## paperbot benchmark',
    '',
    `- date: ${machine.date}; commit ${machine.commit}`,
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}; ${machine.platform}; load average at start ${machine.loadAverage}`,
    `- node ${machine.node}; children run with --expose-gc ${Number(values['max-old-space']) > 0 ? `--max-old-space-size=${values['max-old-space']}` : "and node's default heap limit"}`,
    `- corpus: seed ${seed}, ${spec.minWords}–${spec.maxWords} words an abstract, plus the seed files of data/; ${values.queries} timed queries per operation after ${values.warmup} warm-up${values.profile ? '; CPU PROFILER ON (timings inflated)' : ''}`,
  ].join('\n'),
);
section('Load, index and memory (RSS and heap after a full GC)', buildTable(results));
section('Latency, through the command layer (autocomplete: engine.suggest)', latencyTable(results, ops));
const largest = results.filter((r) => r.ours).at(-1);
if (largest) section(`Outcomes and slowest inputs at ${largest.ours!.papers.toLocaleString('en')} papers`, outcomesTable(largest, ops));
section('Start-up from the cache (a fresh process: node, imports, fingerprint, read, restore)', cacheTable(results));
section('Ours against vanilla MiniSearch (fields title+abstract, search fuzzy 0.2 + prefix); ratio = ours / vanilla', vanillaTable(results));
section('Where load and index time go (s / retained heap MB; sub-steps timed again on their own)', breakdownTable(results));
section('Accuracy (answers that must not change with size)', results.some((r) => r.ours) ? accuracyTable(results) : '');
if (largest) section(`Targets vs measured at ${largest.ours!.papers.toLocaleString('en')} papers`, targetsTable(largest));
const failures = results.flatMap((r) => r.failures);
if (failures.length > 0) section('Failures', failures.map((f) => `- ${f}`).join('\n'));
console.log(sections.join('\n\n'));

if (values.json) writeFileSync(values.json, JSON.stringify({ machine, options: values, results }, null, 2));
