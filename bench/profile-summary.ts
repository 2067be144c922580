// Summarises .cpuprofile files (from `bench/run.ts --profile DIR` or node --cpu-prof): the top
// functions by self time and by inclusive time. Usage: node --import tsx bench/profile-summary.ts FILE… [--top 15]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, '');
  const shown = file.startsWith(process.cwd()) ? path.relative(process.cwd(), file) : file;
  // tsx-compiled files report line 0 for everything; a line number only helps for plain JS.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'}${shown ? ` ${shown}${line}` : ''}`;
}

/** Self and inclusive time per function (recursion counted once per sample). */
export function summarize(profile: CpuProfile): { totalMs: number; functions: FunctionTime[] } {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    all += ms;
    const leaf = byId.get(id);
    if (!leaf) return;
    const leafName = label(leaf.callFrame);
    self.set(leafName, (self.get(leafName) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const functions = [...total.entries()].map(([name, totalMs]) => ({ name, totalMs, selfMs: self.get(name) ?? 0 }));
  return { totalMs: all, functions };
}

function isMain(): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]).endsWith(path.join('bench', 'profile-summary.ts'));
}

if (isMain()) {
  const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '15' } }, allowPositionals: true });
  const top = Number(values.top);
  const skip = /^\((?:root|program|idle|garbage collector)\)/;
  for (const file of positionals) {
    const { totalMs, functions } = summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
    const pct = (ms: number) => `${((100 * ms) / totalMs).toFixed(1)}%`.padStart(6);
    const gc = functions.find((f) => f.name.startsWith('(garbage collector)'));
    console.log(`\n## ${path.basename(file)}: ${(totalMs / 1000).toFixed(2)} s sampled${gc ? `, GC ${pct(gc.selfMs).trim()}` : ''}`);
    console.log('\nself time:');
    for (const f of [...functions].sort((a, b) => b.selfMs - a.selfMs).filter((f) => !skip.test(f.name) || f.name.startsWith('(garbage')).slice(0, top)) {
      console.log(`  ${pct(f.selfMs)} ${(f.selfMs).toFixed(0).padStart(7)} ms  ${f.name}`);
    }
    console.log('\ninclusive time:');
    for (const f of [...functions].sort((a, b) => b.totalMs - a.totalMs).filter((f) => !skip.test(f.name)).slice(0, top)) {
      console.log(`  ${pct(f.totalMs)} ${(f.totalMs).toFixed(0).padStart(7)} ms  ${f.name}`);
    }
  }
}
