// The Dockerfile's rules, checked on its parsed form: two stages on a Node 20 slim base, dev
// dependencies only in the build, a non-root user, data baked in, state on a volume, a health
// check, and no secret in any layer or in the build context.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_VARIABLES } from '../../src/config.js';
import { ROOT } from '../support/seed.js';
import { isIgnored, readDockerfile, readDockerignore, type Stage, type Step } from './dockerfile-model.js';

const { stages } = readDockerfile();
const ignore = readDockerignore();
const [build, runtime] = stages as [Stage, Stage];
const runs = (stage: Stage) => stage.steps.filter((s) => s.keyword === 'RUN').map((s) => s.content);
const copies = (stage: Stage) => stage.steps.filter((s) => s.keyword === 'COPY');
const finalEnv = (): Record<string, string> => Object.assign({}, ...runtime.steps.filter((s) => s.keyword === 'ENV').map((s) => s.env));

describe('GIVEN the Dockerfile', () => {
  it('THEN it has a build stage and a runtime stage, both on a Node 20 slim image', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    for (const stage of stages) expect(stage.image).toMatch(/^node:20(?:\.\d+){0,2}-(?:[a-z]+-)?slim(?:@sha256:[0-9a-f]{64})?$/);
  });

  it('THEN the build stage installs from the lock file with dev dependencies, builds, then prunes to production dependencies', () => {
    const steps = runs(build);
    const at = (re: RegExp) => steps.findIndex((s) => re.test(s));
    expect(at(/^npm ci\b/)).toBeGreaterThanOrEqual(0);
    expect(steps[at(/^npm ci\b/)]).not.toMatch(/--omit|--production|--only/);
    expect(at(/^npm run build$/)).toBeGreaterThan(at(/^npm ci\b/));
    expect(at(/^npm prune --omit=dev\b/)).toBeGreaterThan(at(/^npm run build$/));
    expect(copies(build)[0]?.args).toEqual(['package.json', 'package-lock.json', './']);
  });

  it('THEN the runtime stage takes only the pruned node_modules, the compiled dist and package.json from the build, and installs nothing', () => {
    const fromBuild = copies(runtime).filter((c) => c.flags['from'] === 'build').map((c) => c.args[0]);
    expect(fromBuild.sort()).toEqual(['/app/dist', '/app/node_modules', '/app/package.json']);
    expect(runs(runtime).join('\n')).not.toMatch(/\bnpm\b|\bnpx\b|apt-get|\bcurl\b|\bwget\b/);
    expect(copies(runtime).flatMap((c) => c.args.slice(0, -1))).not.toEqual(expect.arrayContaining(['src']));
  });

  it('THEN it runs as a non-root user, from USER on to the CMD', () => {
    const users = runtime.steps.filter((s) => s.keyword === 'USER');
    expect(users).toHaveLength(1);
    expect(users[0]?.args[0]).not.toMatch(/^(?:root|0)(?::|$)/);
    const index = (s: Step | undefined) => (s ? runtime.steps.indexOf(s) : -1);
    expect(index(users[0])).toBeLessThan(index(runtime.steps.find((s) => s.keyword === 'CMD')));
    expect(index(users[0])).toBeGreaterThan(index(runtime.steps.findLast((s) => s.keyword === 'RUN')));
  });

  it('THEN data/ is baked in at the folder the program reads (replaceable by a mount), and the state file is on a volume owned by that user', () => {
    const workdir = runtime.steps.findLast((s) => s.keyword === 'WORKDIR')?.args[0];
    expect(workdir).toBe('/app');
    expect(copies(runtime).find((c) => c.flags['from'] === undefined)?.args).toEqual(['data', './data']);
    const volumes = runtime.steps.filter((s) => s.keyword === 'VOLUME').flatMap((s) => JSON.parse(s.content) as string[]);
    expect(volumes).toEqual(['/app/state']);
    expect(path.posix.dirname(finalEnv()['PAPERBOT_STATE'] ?? '')).toBe('/app/state');
    expect(runs(runtime)).toEqual(['mkdir -p /app/state && chown node:node /app/state']);
  });

  it('THEN the HEALTHCHECK asks the health endpoint with node (no curl in a slim image), and the CMD starts the compiled bot', () => {
    const health = runtime.steps.filter((s) => s.keyword === 'HEALTHCHECK');
    expect(health).toHaveLength(1);
    expect(health[0]?.exec).toEqual(['node', 'dist/src/cli/main.js', 'healthcheck']);
    expect(health[0]?.flags).toMatchObject({ interval: expect.stringMatching(/^\d+s$/), timeout: expect.stringMatching(/^\d+s$/) });
    expect(runtime.steps.filter((s) => s.keyword === 'CMD').map((s) => s.exec)).toEqual([['node', 'dist/src/cli/main.js', 'start']]);
    expect(runtime.steps.some((s) => s.keyword === 'EXPOSE' && s.args.includes('8080'))).toBe(true);
  });

  it('THEN no layer can hold a secret: no ARG or ENV names or sets one, nothing is ADDed, and only named paths are copied from the context', () => {
    const all = stages.flatMap((s) => s.steps);
    const named = all.filter((s) => s.keyword === 'ARG' || s.keyword === 'ENV').flatMap((s) => (s.env ? Object.keys(s.env) : s.args.map((a) => a.split('=')[0] ?? '')));
    for (const name of named) {
      expect(SECRET_VARIABLES as readonly string[]).not.toContain(name);
      expect(name).not.toMatch(/TOKEN|SECRET|PASSWORD|KEY|CREDENTIAL/i);
    }
    expect(JSON.stringify(all)).not.toMatch(/xox[abp]-|xapp-/);
    expect(all.filter((s) => s.keyword === 'ADD')).toEqual([]);
    expect(runs(build).join('\n')).not.toMatch(/--mount=type=secret|\.npmrc/);
    const contextSources = all.filter((s) => s.keyword === 'COPY' && s.flags['from'] === undefined).flatMap((s) => s.args.slice(0, -1));
    for (const source of contextSources) {
      expect(source).not.toMatch(/^\.\/?$|\*|\.env/);
      expect(existsSync(path.join(ROOT, source))).toBe(true);
      expect(isIgnored(source, ignore)).toBe(false);
    }
  });
});

describe('GIVEN the .dockerignore', () => {
  it('THEN secrets, local state, dependencies, build output and history stay out of the build context', () => {
    for (const p of ['.env', '.env.production', 'state/paperbot.db', 'node_modules/zod/package.json', 'dist/src/cli/main.js', '.git/config', 'scratch/x.ts']) expect(isIgnored(p, ignore), p).toBe(true);
    for (const p of ['package.json', 'src/cli/main.ts', 'adapters/slack/index.ts', 'data', '.env.example']) expect(isIgnored(p, ignore), p).toBe(false);
  });
});
