// The core stays platform-free: nothing under src/ imports Bolt or the Slack adapter.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the core / Slack boundary', () => {
  it('GIVEN every file under src/ THEN none imports @slack/* or adapters/slack', () => {
    const offenders = sources(path.join(ROOT, 'src')).filter((file) => /from\s+['"](?:@slack\/|[./]+\/adapters\/slack\/)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
