// The core knows no chat platform: nothing under src/ imports discord.js or Slack's libraries.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/seed.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('the core/adapter boundary', () => {
  it('THEN no file under src/ imports a chat platform library', () => {
    const offenders = files(path.join(ROOT, 'src')).filter((f) => /from\s+['"](?:discord\.js|@discordjs\/[\w-]+|@slack\/[\w-]+)['"]|import\(\s*['"](?:discord\.js|@slack\/)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('THEN no file outside src/config.ts reads process.env', () => {
    const offenders = [...files(path.join(ROOT, 'src')), ...files(path.join(ROOT, 'adapters'))].filter(
      (f) => !f.endsWith(path.join('src', 'config.ts')) && !f.endsWith(path.join('src', 'cli', 'main.ts')) && /process\.env\b/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
