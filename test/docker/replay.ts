// Replays the Dockerfile without a Docker engine: each stage gets a folder standing for its
// filesystem, COPY copies (from the .dockerignore-filtered context or an earlier stage), RUN runs
// in the stage's WORKDIR, and the final stage's CMD can then be started like the container.
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isIgnored, type Stage } from './dockerfile-model.js';

export interface ReplayedStage {
  name: string | null;
  /** The folder standing for the stage's `/`. */
  root: string;
  workdir: string;
  env: Record<string, string>;
  user: string | undefined;
  volumes: string[];
  cmd: string[] | undefined;
  healthcheck: string[] | undefined;
  /** RUN steps not executed (see `execute`), for the test to judge. */
  skippedRuns: string[];
  /** Each executed RUN with how long it took, for the report. */
  runs: Array<{ command: string; ms: number }>;
}

export interface ReplayOptions {
  repo: string;
  ignore: readonly string[];
  tmp: string;
  /** Stages whose RUN steps are executed; the others' are only recorded. */
  execute: readonly string[];
  /** Extra environment for RUN (e.g. npm's prefer-offline). */
  runEnv: Record<string, string>;
  /** Called after each executed RUN, e.g. to put in what the replay does not build itself. */
  afterRun?: (stage: ReplayedStage, command: string) => Promise<void>;
}

/** The .dockerignore-filtered copy of the repository that `docker build .` would send. */
async function buildContext(repo: string, ignore: readonly string[], dest: string, rel = ''): Promise<void> {
  for (const entry of await readdir(path.join(repo, rel), { withFileTypes: true })) {
    const relative = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (isIgnored(relative, ignore)) continue;
    if (entry.isDirectory()) await buildContext(repo, ignore, dest, relative);
    else if (entry.isFile()) await cp(path.join(repo, relative), path.join(dest, relative));
  }
}

function sh(command: string, cwd: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`RUN ${command} exited ${code}:\n${output.slice(-4000)}`))));
  });
}

/** Maps a path in a stage's filesystem to the folder standing for it. */
export function hostPath(stage: Pick<ReplayedStage, 'root'>, imagePath: string): string {
  return path.join(stage.root, imagePath);
}

export async function replay(stages: readonly Stage[], options: ReplayOptions): Promise<ReplayedStage[]> {
  const context = path.join(options.tmp, 'context');
  await buildContext(options.repo, options.ignore, context);
  const done: ReplayedStage[] = [];
  for (const [index, stage] of stages.entries()) {
    const state: ReplayedStage = { name: stage.name, root: path.join(options.tmp, `stage-${index}-${stage.name ?? 'final'}`), workdir: '/', env: {}, user: undefined, volumes: [], cmd: undefined, healthcheck: undefined, skippedRuns: [], runs: [] };
    await mkdir(state.root, { recursive: true });
    for (const step of stage.steps) {
      switch (step.keyword) {
        case 'WORKDIR':
          state.workdir = path.posix.resolve(state.workdir, step.args[0] ?? '/');
          await mkdir(hostPath(state, state.workdir), { recursive: true });
          break;
        case 'ENV':
          Object.assign(state.env, step.env);
          break;
        case 'COPY': {
          const from = step.flags['from'];
          const source = from ? done.find((s) => s.name === from) : undefined;
          if (from && !source) throw new Error(`COPY --from=${from}: no such earlier stage`);
          const sources = step.args.slice(0, -1);
          const dest = path.posix.resolve(state.workdir, step.args.at(-1) ?? '.');
          const intoFolder = (step.args.at(-1) ?? '').endsWith('/') || sources.length > 1;
          for (const src of sources) {
            const origin = source ? hostPath(source, path.posix.resolve('/', src)) : path.join(context, src);
            const isDir = (await stat(origin)).isDirectory();
            const target = !isDir && intoFolder ? path.posix.join(dest, path.posix.basename(src)) : dest;
            await cp(origin, hostPath(state, target), { recursive: true });
          }
          break;
        }
        case 'RUN': {
          if (!options.execute.includes(stage.name ?? '')) {
            state.skippedRuns.push(step.content);
            break;
          }
          const started = performance.now();
          await sh(step.content, hostPath(state, state.workdir), { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...state.env, ...options.runEnv });
          state.runs.push({ command: step.content, ms: Math.round(performance.now() - started) });
          await options.afterRun?.(state, step.content);
          break;
        }
        case 'USER':
          state.user = step.args[0];
          break;
        case 'VOLUME':
          state.volumes.push(...(step.content.trim().startsWith('[') ? (JSON.parse(step.content) as string[]) : step.args));
          break;
        case 'CMD':
          state.cmd = step.exec;
          break;
        case 'HEALTHCHECK':
          state.healthcheck = step.exec;
          break;
        default:
          // EXPOSE, LABEL, STOPSIGNAL: metadata only.
          break;
      }
    }
    done.push(state);
  }
  return done;
}
