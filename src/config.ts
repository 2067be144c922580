// Every environment variable paperbot reads, in one zod schema, parsed once at start. All
// problems are reported together, each naming its variable; empty strings count as unset.
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = (name: string) =>
  optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), { message: `${name} must be an http(s) URL` });

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z.object({
  PAPERBOT_DATA: optional,
  /** The engine cache file, or "off". Default: engine.cache beside the state file (./state/engine.cache). */
  PAPERBOT_CACHE: optional,
  /** Fixes "today" (yyyy-mm-dd or ISO time) for reproducible dates in tests and demos. */
  PAPERBOT_NOW: optional.refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: 'PAPERBOT_NOW must be a date like 2026-01-31' }),
  LOG_LEVEL: optional.pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace or silent' }).optional()),
  DISCORD_TOKEN: optional,
  DISCORD_APP_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), { message: 'DISCORD_APP_ID must be the numeric application id' }),
  /** Ask Discord for the privileged Message Content intent, which watch mode needs there (enable it in the developer portal). */
  DISCORD_MESSAGE_CONTENT: optional
    .refine((v) => v === undefined || v === 'true' || v === 'false', { message: 'DISCORD_MESSAGE_CONTENT must be true or false' })
    .transform((v) => v === 'true'),
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

  // --- Daily digests and new papers (issue 5) ---
  /** The SQLite state file: subscriptions, paper arrivals, deliveries, fetched papers. Default ./state/paperbot.db. */
  PAPERBOT_STATE: optional,
  /** Slack user ids allowed to change a channel's digest (comma-separated); unset: any member of the channel. */
  SLACK_DIGEST_ADMINS: optional
    .refine((v) => v === undefined || /^[UW][A-Z0-9]{2,}(\s*,\s*[UW][A-Z0-9]{2,})*$/.test(v), { message: 'SLACK_DIGEST_ADMINS must be Slack user ids separated by commas, e.g. U012ABCDEF,U034GHIJKL' })
    .transform((v) => (v === undefined ? undefined : v.split(',').map((id) => id.trim()))),
  /** A new subscription's time of day (HH:MM) and IANA zone. Defaults 09:00 and UTC. */
  DIGEST_DEFAULT_TIME: optional.refine((v) => v === undefined || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), { message: 'DIGEST_DEFAULT_TIME must be a time like 09:00' }),
  DIGEST_DEFAULT_ZONE: optional.refine((v) => v === undefined || isZone(v), { message: 'DIGEST_DEFAULT_ZONE must be an IANA time zone like Europe/Berlin' }),
  /** Papers listed in a digest before "and K more". Default 10. */
  DIGEST_MAX_PAPERS: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 25), { message: 'DIGEST_MAX_PAPERS must be a number from 1 to 25' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  /** Commands and mentions one user may send per minute (also the burst allowed at once). Default 20; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 10_000), { message: 'RATE_LIMIT_PER_MINUTE must be a whole number from 0 (no limit) to 10000, e.g. 20' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  /** arXiv categories to fetch new papers from once a day, e.g. cs.CL,cs.CV. Unset: no fetching. */
  ARXIV_CATEGORIES: optional
    .refine((v) => v === undefined || /^[a-z-]+(\.[A-Za-z-]+)?(\s*,\s*[a-z-]+(\.[A-Za-z-]+)?)*$/.test(v), { message: 'ARXIV_CATEGORIES must be arXiv categories separated by commas, e.g. cs.CL,cs.CV' })
    .transform((v) => (v === undefined ? undefined : v.split(',').map((c) => c.trim()))),
  /** The arXiv API endpoint. Default http://export.arxiv.org/api/query. */
  ARXIV_API_URL: url('ARXIV_API_URL'),

  // --- Running it as a service: health server and logs (issue 7) ---
  /** Port for /healthz, /readyz and /metrics. Default 8080 when serving Discord or Slack; off for the terminal chat unless set. 0 picks a free port. */
  HEALTH_PORT: optional
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) <= 65535), { message: 'HEALTH_PORT must be a port number from 0 to 65535 (0 picks a free port), e.g. 8080' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
  /** Address the health server listens on. Default all interfaces, so probes and Prometheus can reach it. */
  HEALTH_HOST: optional.refine((v) => v === undefined || /^[\w.:-]+$/.test(v), { message: 'HEALTH_HOST must be a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0' }),
  /** Key for hashing user and channel ids in logs; unset: a random key per run, so hashes match only within one run. */
  LOG_HASH_KEY: optional.refine((v) => v === undefined || v.length >= 16, { message: 'LOG_HASH_KEY must be at least 16 characters; generate one with `openssl rand -hex 16`' }),
});

/** Commands per user per minute when RATE_LIMIT_PER_MINUTE is unset. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 20;

/** Where /healthz, /readyz and /metrics listen when serving Discord or Slack and HEALTH_PORT is unset. */
export const DEFAULT_HEALTH_PORT = 8080;

/** Variables whose values must never reach a log, an error message or an image layer. */
export const SECRET_VARIABLES = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'LOG_HASH_KEY'] as const;

/** The secret values set in `config`, for scrubbing them out of anything written. */
export function secretValues(config: Partial<Record<(typeof SECRET_VARIABLES)[number], string | undefined>>): string[] {
  return SECRET_VARIABLES.map((name) => config[name]).filter((v): v is string => v !== undefined && v !== '');
}

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
  // The health server and Slack's HTTP mode cannot share a port.
  const healthPort = set('HEALTH_PORT') ? Number(env['HEALTH_PORT']) : DEFAULT_HEALTH_PORT;
  const slackPort = set('PORT') ? Number(env['PORT']) : 3000;
  if (set('SLACK_BOT_TOKEN') && set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN') && healthPort !== 0 && healthPort === slackPort) {
    problems.push(`HEALTH_PORT (default ${DEFAULT_HEALTH_PORT}) and PORT (Slack's HTTP mode, default 3000) are both ${healthPort}: set HEALTH_PORT to another port`);
  }
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data;
}
