// Every environment variable paperbot reads, in one zod schema, parsed once at start. All
// problems are reported together, each naming its variable; empty strings count as unset.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { message: `${name} must be an http(s) URL` });

export const configSchema = z.object({
  PAPERBOT_DATA: optional,
  /** Fixes "today" (yyyy-mm-dd or ISO time) for reproducible dates in tests and demos. */
  PAPERBOT_NOW: optional.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: 'PAPERBOT_NOW must be a date like 2026-01-31' }),
  LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional()),
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'DISCORD_APP_ID must be the numeric application id' }),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'DISCORD_GUILD_ID must be a numeric server id' }),
  DISCORD_API_URL: url('DISCORD_API_URL'),
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), { message: 'SLACK_BOT_TOKEN must be a bot token starting with xoxb-' }),
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), { message: 'SLACK_APP_TOKEN must be an app-level token starting with xapp-' }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_COMMAND_PREFIX: optional.refine((v) => v === undefined || /^[a-z0-9_-]{1,10}$/.test(v), { message: 'SLACK_COMMAND_PREFIX must be up to 10 lowercase letters, digits, - or _' }),
  SLACK_API_URL: url('SLACK_API_URL'),
  PORT: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), { message: 'PORT must be a port number from 1 to 65535' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
});

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`paperbot: the configuration has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      problems.push(issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`);
    }
  }
  // Checks across variables look at what is set, valid or not, so every problem shows at once.
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (set('DISCORD_TOKEN') && !set('DISCORD_APP_ID')) problems.push('DISCORD_APP_ID is required with DISCORD_TOKEN: copy the Application ID from the Discord developer portal');
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_APP_TOKEN') && !set('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_BOT_TOKEN needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  }
  if ((set('SLACK_APP_TOKEN') || set('SLACK_SIGNING_SECRET')) && !set('SLACK_BOT_TOKEN')) problems.push('SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET');
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
