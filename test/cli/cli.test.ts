import { mkdtempSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('paperbot query', () => {
  it('GIVEN "/paper deepseek-v3" --json THEN one JSON object with the paper fields', async () => {
    const { code, stdout, stderr } = await runCli(['query', '/paper deepseek-v3', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const reply = JSON.parse(lines[0]!);
    expect(reply).toMatchObject({ ok: true, kind: 'paper' });
    expect(reply.papers[0]).toEqual({
      id: 'deepseek-v3',
      title: 'DeepSeek-V3 Technical Report',
      titleInferred: false,
      authors: ['DeepSeek-AI', 'Aixin Liu', 'Bei Feng'],
      etAl: true,
      affiliations: ['stanford', 'tsinghua'],
      category: 'CL',
      date: '2024-12-27',
      hasCode: true,
      codeUrl: 'https://github.com/deepseek-ai/DeepSeek-V3',
      abstract: expect.stringMatching(/^We present DeepSeek-V3, a strong Mixture-of-Experts \(MoE\) language model with 671B total parameters/),
      names: ['DeepSeek-V3'],
    });
  });

  it('GIVEN no --json THEN text a person reads', async () => {
    const { code, stdout } = await runCli(['query', '/paper deepseek-v3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^DeepSeek-V3 Technical Report\nDeepSeek-AI, Aixin Liu, Bei Feng et al\. · stanford, tsinghua\nCL · 2024-12-27 · code: https:\/\/github\.com\/deepseek-ai\/DeepSeek-V3 · id: deepseek-v3\n/);
  });

  it('GIVEN --batch - THEN one JSON line per command, answered in one process', async () => {
    const input = ['/paper janus', '/search year:oops', '/ask What is MLA?', '', '/bogus'].join('\n');
    const { code, stdout } = await runCli(['query', '--batch', '-', '--json'], { input });
    expect(code).toBe(0);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => [r.ok, r.kind])).toEqual([
      [true, 'paper'],
      [false, 'error'],
      [true, 'answer'],
      [false, 'error'],
    ]);
    expect(replies[1].error).toEqual({ code: 'bad_filter', message: 'year:oops is not a year; use four digits, e.g. year:2024.' });
    expect(replies[2].answer.citations).toEqual(['deepseek-v2', 'deepseek-v3', 'deepseek-vl2']);
    expect(replies[3].error.code).toBe('unknown_command');
  });

  it('GIVEN --batch FILE THEN the same, from the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperbot-cli-'));
    const file = path.join(dir, 'commands.txt');
    await writeFile(file, '/paper ocr2\r\n/related janus\r\n');
    const { stdout } = await runCli(['query', '--batch', file, '--json']);
    const replies = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(replies.map((r) => r.papers[0]?.id)).toEqual(['deepseek-ocr-2', expect.stringMatching(/^janus/)]);
  });
});

describe('paperbot corpus', () => {
  it('GIVEN --json THEN every record and the skipped entries', async () => {
    const { code, stdout } = await runCli(['corpus', '--json']);
    expect(code).toBe(0);
    const corpus = JSON.parse(stdout);
    expect(corpus.count).toBe(22);
    expect(corpus.papers).toHaveLength(22);
    expect(corpus.skipped).toEqual([]);
    expect(corpus.papers.find((p: { id: string }) => p.id === 'deepseek-vl2').sources).toHaveLength(3);
  });

  it('GIVEN --data with a malformed file THEN the good papers load and the bad entry is listed with file, line and reason', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperbot-data-'));
    await writeFile(path.join(dir, 'good.txt'), 'CLJan 2, 2025Code\nGoodNet: A Good PaperJane Doe\nWe present GoodNet, a good model with a long enough abstract.\n');
    await writeFile(path.join(dir, 'bad.txt'), 'CLJan 2, 2025\nOnly a title line, then nothing\n');
    const json = JSON.parse((await runCli(['corpus', '--json', '--data', dir])).stdout);
    expect(json.papers.map((p: { id: string }) => p.id)).toEqual(['goodnet']);
    expect(json.skipped).toEqual([{ file: 'bad.txt', line: 2, severity: 'skipped', reason: 'no abstract line after the title line' }]);
    const text = await runCli(['corpus', '--data', dir]);
    expect(text.stdout).toContain('1 papers from 2 files');
    expect(text.stdout).toContain('skipped: corpus: bad.txt:2: no abstract line after the title line');
  });

  it('GIVEN PAPERBOT_DATA THEN that folder is used', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paperbot-env-'));
    await writeFile(path.join(dir, 'one.txt'), 'Abstract: We present EnvNet, a model loaded through the environment.\n');
    const json = JSON.parse((await runCli(['corpus', '--json'], { env: { PAPERBOT_DATA: dir } })).stdout);
    expect(json.papers.map((p: { id: string }) => p.id)).toEqual(['envnet']);
  });
});

describe('problems a person can fix', () => {
  it.each([['query', '/paper x'], ['start']])('GIVEN a data folder that does not exist THEN %s says so in one clear line and exits 1', async (...command) => {
    const state = mkdtempSync(path.join(os.tmpdir(), 'paperbot-cli-'));
    const { code, stderr } = await runCli([...command, '--data', '/nonexistent/folder'], { env: { PAPERBOT_STATE: path.join(state, 'paperbot.db') } });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('corpus: cannot read the data folder "/nonexistent/folder": ENOENT; set --data or PAPERBOT_DATA to a folder of paper files');
  });

  it('GIVEN malformed environment variables THEN every problem in one message, no stack trace', async () => {
    const { code, stderr } = await runCli(['query', '/help'], { env: { SLACK_BOT_TOKEN: 'nope', LOG_LEVEL: 'loud', DISCORD_TOKEN: 'x' } });
    expect(code).toBe(1);
    expect(stderr).toContain('paperbot: the configuration has 4 problems:');
    expect(stderr).toContain('SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
    expect(stderr).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
    expect(stderr).toContain('LOG_LEVEL');
    expect(stderr).toContain('DISCORD_APP_ID is required with DISCORD_TOKEN');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN an unknown command THEN the usage and exit 2', async () => {
    const { code, stderr } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: paperbot <command>');
  });
});

describe('paperbot start without chat tokens', () => {
  it('GIVEN lines on standard input THEN the terminal chat answers each and exits at the end', async () => {
    const { code, stdout } = await runCli(['start'], { input: '/paper deepseek-v3\n/ask What is MLA?\n/quit\n' });
    expect(code).toBe(0);
    expect(stdout).toContain('DeepSeek-V3 Technical Report');
    expect(stdout).toContain('MLA is Multi-head Latent Attention.');
  });
});

describe('paperbot query --batch, more', () => {
  it('GIVEN a batch file that does not exist THEN one plain line naming it, exit 1', async () => {
    const { code, stderr } = await runCli(['query', '--batch', '/nonexistent/commands.txt', '--json']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('paperbot: cannot read the batch file "/nonexistent/commands.txt": ENOENT');
  });
});
