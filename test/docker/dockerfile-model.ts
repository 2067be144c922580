// The Dockerfile and .dockerignore as data for the tests, read with dockerfile-ast (the parser
// behind VS Code's Docker support), since no Docker engine runs here or in CI.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Cmd, type Env, type Instruction } from 'dockerfile-ast';
import { ROOT } from '../support/seed.js';

export interface Step {
  keyword: string;
  /** Arguments without flags, as the parser splits them. */
  args: string[];
  /** `--from=build` becomes { from: 'build' }. */
  flags: Record<string, string | null>;
  /** The arguments as written (continuations joined). */
  content: string;
  /** CMD/ENTRYPOINT/HEALTHCHECK … CMD in exec form: the JSON array; ENV: the variables. */
  exec?: string[];
  env?: Record<string, string>;
}

export interface Stage {
  name: string | null;
  image: string;
  steps: Step[];
}

function flagsOf(instruction: Instruction): Record<string, string | null> {
  const withFlags = instruction as Instruction & { getFlags?: () => Array<{ getName(): string; getValue(): string | null }> };
  return Object.fromEntries((withFlags.getFlags?.() ?? []).map((f) => [f.getName(), f.getValue()]));
}

function stepOf(instruction: Instruction): Step {
  const keyword = instruction.getKeyword();
  const content = instruction.getArgumentsContent() ?? '';
  const step: Step = { keyword, args: instruction.getArguments().map((a) => a.getValue()), flags: flagsOf(instruction), content };
  if (keyword === 'CMD' || keyword === 'ENTRYPOINT') step.exec = (instruction as Cmd).getJSONStrings().map((s) => s.getJSONValue());
  if (keyword === 'HEALTHCHECK') {
    const command = /\bCMD\s+(\[.*\])\s*$/s.exec(content)?.[1];
    if (command) step.exec = JSON.parse(command) as string[];
  }
  if (keyword === 'ENV') step.env = Object.fromEntries((instruction as Env).getProperties().map((p) => [p.getName(), p.getUnescapedValue() ?? '']));
  return step;
}

export function readDockerfile(file = path.join(ROOT, 'Dockerfile')): { stages: Stage[]; text: string } {
  const text = readFileSync(file, 'utf8');
  const parsed = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  for (const instruction of parsed.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', as, name] = instruction.getArguments().map((a) => a.getValue());
      stages.push({ name: as?.toUpperCase() === 'AS' ? (name ?? null) : null, image, steps: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile: ${instruction.getKeyword()} before FROM`);
      stage.steps.push(stepOf(instruction));
    }
  }
  return { stages, text };
}

export function readDockerignore(file = path.join(ROOT, '.dockerignore')): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function patternRegExp(pattern: string): RegExp {
  const body = pattern.replace(/^\.?\/+/, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '*' && body[i + 1] === '*') {
      re += '.*';
      i += 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Docker's rule: the last pattern matching the path or one of its folders decides; `!` re-includes. */
export function isIgnored(relativePath: string, patterns: readonly string[]): boolean {
  const parts = relativePath.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const raw of patterns) {
    const exception = raw.startsWith('!');
    const re = patternRegExp(exception ? raw.slice(1) : raw);
    if (candidates.some((c) => re.test(c))) ignored = !exception;
  }
  return ignored;
}
