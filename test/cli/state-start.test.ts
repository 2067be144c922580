// `paperbot start` with a corrupt state file: one clear error naming the file, exit 1, and the
// file left exactly as it was (never silently replaced).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-state.js';

const dirs: Array<ReturnType<typeof tempDir>> = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

describe('GIVEN a corrupt PAPERBOT_STATE', () => {
  it('WHEN paperbot start runs with Discord configured THEN it stops with the error and leaves the file alone', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = dir.file('paperbot.db');
    writeFileSync(file, 'not sqlite at all\n'.repeat(100));
    const { code, stderr } = await runCli(['start'], {
      env: { PAPERBOT_STATE: file, DISCORD_TOKEN: 'x', DISCORD_APP_ID: '123456', DISCORD_API_URL: 'http://127.0.0.1:9', HEALTH_PORT: '0', HEALTH_HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`state: "${file}" is not a readable paperbot state database (file is not a database); move the file away to start with empty state, or set PAPERBOT_STATE to another file`);
    expect(readFileSync(file, 'utf8')).toBe('not sqlite at all\n'.repeat(100));
  });
});
