// Runs `paperbot start` in a child process as `npm start` does (tsx, or node on a build) with only
// the environment given, and reads its JSON log lines as they arrive.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './seed.js';

export type LogLine = Record<string, unknown> & { msg?: string; level?: number };

export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything written to standard error and output so far. */
  readonly output: { stdout: string; stderr: string };
  /** Standard error's lines parsed as JSON (lines that are not JSON are skipped). */
  logs(): LogLine[];
  /** Resolves with the first log line (already written or still to come) matching `predicate`. */
  waitForLog(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** The health server's port, from its "health: listening" line. */
  healthPort(timeoutMs?: number): Promise<number>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running: ChildProcess[] = [];

/** Kills whatever a test left running (call from afterEach). */
export function killBots(): void {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export interface StartOptions {
  /** Default: tsx on src/cli/main.ts in the repository. */
  command?: { file: string; args: string[]; cwd: string };
  args?: string[];
}

export function startBot(env: Record<string, string>, options: StartOptions = {}): BotProcess {
  const command = options.command ?? { file: path.join(ROOT, 'node_modules/.bin/tsx'), args: ['src/cli/main.ts'], cwd: ROOT };
  // Only what the bot needs: no tokens leak in from the environment running the tests.
  const child = spawn(command.file, [...command.args, ...(options.args ?? ['start'])], {
    cwd: command.cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const output = { stdout: '', stderr: '' };
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
    notify();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
    notify();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      notify();
      resolve({ code, signal });
    }),
  );
  const logs = (): LogLine[] =>
    output.stderr.split('\n').flatMap((line) => {
      if (!line.startsWith('{')) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  const waitForLog = (predicate: (line: LogLine) => boolean, what: string, timeoutMs = 20_000): Promise<LogLine> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = logs().find(predicate);
        if (found) {
          done();
          resolve(found);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`the bot exited (${child.exitCode ?? child.signalCode}) before logging ${what}:\n${output.stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no log line ${what} within ${timeoutMs} ms:\n${output.stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    child,
    output,
    logs,
    waitForLog,
    async healthPort(timeoutMs) {
      const line = await waitForLog((l) => l.msg === 'health: listening', 'health: listening', timeoutMs);
      return line['port'] as number;
    },
    exit,
  };
}

/** GET a path on the bot's health server: status and parsed body (JSON, or text for /metrics). */
export async function getHealth(port: number, path: string): Promise<{ status: number; body: string; json: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  const body = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: res.status, body, json };
}
