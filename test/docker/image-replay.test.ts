// The image built and run without Docker: the Dockerfile's stages are replayed in a temporary
// folder (npm ci, build, prune to production dependencies), then its CMD is started as the
// container would start it, against the fake Discord on 127.0.0.1, and its HEALTHCHECK must pass.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeDiscord, type FakeDiscord } from '../fakes/discord/fake-discord.js';
import { getHealth, killBots, startBot } from '../support/bot-process.js';
import { ROOT } from '../support/seed.js';
import { readDockerfile, readDockerignore } from './dockerfile-model.js';
import { hostPath, replay, type ReplayedStage } from './replay.js';

let tmp = '';
let runtime: ReplayedStage;
let discord: FakeDiscord | undefined;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'paperbot-image-'));
  const stages = await replay(readDockerfile().stages, {
    repo: ROOT,
    ignore: readDockerignore(),
    tmp,
    execute: ['build'],
    // npm's cache makes this fast where the project was installed before; CI has the registry too.
    // Install scripts are skipped: they would compile native addons from source here (2.5 minutes
    // for better-sqlite3, whose prebuilt binary a Docker build downloads); see copyNativeAddons.
    runEnv: { npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false', npm_config_ignore_scripts: 'true' },
    afterRun: async (stage, command) => {
      if (/^npm ci\b/.test(command)) await copyNativeAddons(path.join(ROOT, 'node_modules'), hostPath(stage, path.posix.join(stage.workdir, 'node_modules')));
    },
  });
  runtime = stages.at(-1) as ReplayedStage;
  // The runtime stage's only RUN creates the state folder for the unprivileged user (checked in
  // dockerfile.test.ts); chown needs the image's user, so the replay makes the folder itself.
  expect(runtime.skippedRuns).toEqual(['mkdir -p /app/state && chown node:node /app/state']);
  await mkdir(hostPath(runtime, '/app/state'), { recursive: true });
}, 240_000);

afterAll(async () => {
  killBots();
  await discord?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * Puts the compiled binaries of native addons (packages with a binding.gyp) from the project's own
 * install into the replayed one: the same versions for the same Node, as a Docker build gets them
 * prebuilt. Everything else in node_modules is what `npm ci` installed from the lock file.
 */
async function copyNativeAddons(from: string, to: string): Promise<void> {
  for (const name of await readdir(to)) {
    const packages = name.startsWith('@') ? (await readdir(path.join(to, name))).map((n) => `${name}/${n}`) : [name];
    for (const pkg of packages) {
      if (!existsSync(path.join(to, pkg, 'binding.gyp'))) continue;
      const release = path.join(from, pkg, 'build', 'Release');
      if (!existsSync(release)) throw new Error(`${pkg} is a native addon but ${release} does not exist: run npm ci in the project first`);
      for (const file of (await readdir(release)).filter((f) => f.endsWith('.node'))) await cp(path.join(release, file), path.join(to, pkg, 'build', 'Release', file));
    }
  }
}

/** The image's ENV with its absolute paths moved into the replayed filesystem. */
function imageEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(runtime.env).map(([k, v]) => [k, v.startsWith('/app/') ? hostPath(runtime, v) : v]));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function run(command: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const [file = '', ...args] = command;
    const child = spawn(file, args, { cwd: hostPath(runtime, runtime.workdir), env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('GIVEN the image replayed from the Dockerfile', () => {
  it('THEN the runtime holds exactly the production dependencies of the lock file, the compiled code and data, and no sources or secrets', () => {
    // The lock file marks what only the dev dependencies need (`dev: true`): all of it must be gone.
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
    const app = hostPath(runtime, '/app');
    const installed = Object.entries(lock.packages).filter(([where]) => where.startsWith('node_modules/'));
    const present = installed.filter(([where]) => existsSync(path.join(app, where))).map(([where]) => where);
    expect(installed.filter(([, p]) => p.dev === true).map(([where]) => where).filter((where) => present.includes(where))).toEqual([]);
    expect(installed.filter(([, p]) => !p.dev && !p.optional).map(([where]) => where).filter((where) => !present.includes(where))).toEqual([]);
    for (const tool of ['typescript', 'tsx', 'vitest', 'dockerfile-ast']) expect(existsSync(path.join(app, 'node_modules', tool)), tool).toBe(false);
    for (const file of ['dist/src/cli/main.js', 'dist/adapters/discord/index.js', 'data', 'package.json']) expect(existsSync(path.join(app, file)), file).toBe(true);
    for (const absent of ['src', 'adapters', 'test', 'tsconfig.json', '.env', '.git']) expect(existsSync(path.join(app, absent)), absent).toBe(false);
  });

  it('WHEN its CMD starts with Discord configured THEN the HEALTHCHECK passes, /readyz is 200, a command is answered and SIGTERM exits 0', { timeout: 60_000 }, async () => {
    discord = await createFakeDiscord({ interactionTimeoutMs: 60_000, waitTimeoutMs: 20_000 });
    const port = await freePort();
    const env = { ...imageEnv(), DISCORD_TOKEN: 'fake-token', DISCORD_APP_ID: discord.applicationId, DISCORD_API_URL: discord.restUrl, HEALTH_PORT: String(port), HEALTH_HOST: '127.0.0.1', LOG_LEVEL: 'info' };
    const cmd = runtime.cmd ?? [];
    const bot = startBot(env, { command: { file: cmd[0] ?? '', args: cmd.slice(1), cwd: hostPath(runtime, runtime.workdir) }, args: [] });
    await bot.waitForLog((l) => l.msg === 'paperbot: serving', '"paperbot: serving"', 30_000);
    expect(bot.logs().find((l) => l.msg === 'corpus loaded')).toMatchObject({ papers: 22 });

    const check = await run(runtime.healthcheck ?? [], env);
    expect(check).toEqual({ code: 0, stdout: `ok: http://127.0.0.1:${port}/healthz answered 200\n` });
    expect(await getHealth(port, '/readyz')).toMatchObject({ status: 200, json: { checks: { corpus: true, discord: true } } });
    const callback = await (await discord.sendInteraction({ type: 2, data: { name: 'paper', options: [{ name: 'name', type: 3, value: 'deepseek-v3' }] } })).callback();
    expect(JSON.stringify(callback.data)).toContain('DeepSeek-V3 Technical Report');

    bot.child.kill('SIGTERM');
    expect(await bot.exit).toEqual({ code: 0, signal: null });
  });

  it('WHEN another folder is mounted over /app/data THEN the image serves that corpus', async () => {
    const data = hostPath(runtime, '/app/data');
    await rm(data, { recursive: true });
    await mkdir(data);
    await writeFile(path.join(data, 'ours.txt'), 'CLJan 2, 2025Code\nGoodNet: A Good PaperJane Doe\nWe present GoodNet, a good model with a long enough abstract.\n');
    const { code, stdout } = await run(['node', 'dist/src/cli/main.js', 'corpus', '--json'], imageEnv());
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { papers: Array<{ id: string }> }).papers.map((p) => p.id)).toEqual(['goodnet']);
  });
});
