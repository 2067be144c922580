// The `paperbot` command line: `query`, `corpus` and `start`. With no chat tokens configured,
// `start` opens the terminal chat over the corpus.
import { parseArgs } from 'node:util';
import { constants, createReadStream, existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import readline from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheFile } from '../digest/digest-settings.js';
import { createPaperbot, type Paperbot } from '../app.js';
import { parseConfig, ConfigError, secretValues, type Config } from '../config.js';
import { parseText } from '../commands/parse-text.js';
import { paperJson, replyJson } from '../commands/reply-json.js';
import { errorReply, type Reply } from '../reply.js';
import { formatIssue } from '../corpus/paper.js';
import { PaperbotError } from '../errors.js';
import type { Logger } from '../logger.js';
import { plainStyle, renderText } from '../../adapters/console/render-text.js';
import { runConsoleChat } from '../../adapters/console/chat.js';
import { configuredPlatforms } from './start-adapters.js';
import { createLogger } from './create-logger.js';
import { runHealthcheck } from './healthcheck.js';
import { serve } from './serve.js';

/** The project folder (where package.json is), whether running from src/ with tsx or from dist/. */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

const ROOT = projectRoot();

const USAGE = `Usage: paperbot <command> [options]

Commands:
  start                         run the bot (the terminal chat when no Discord or Slack tokens are set)
  query "<command>" [--json]    answer one chat command, e.g. query "/paper deepseek-v3"
  query --batch FILE [--json]   answer one command per line of FILE (- for standard input)
  corpus [--json]               list the parsed papers and the entries that were skipped
  discord register [--guild ID] register the slash commands with Discord
  healthcheck                   exit 0 if the running bot's /healthz answers (the Docker HEALTHCHECK)

Options:
  --data DIR    the folder of paper files (default: data/, or PAPERBOT_DATA)
  --json        print JSON instead of text
  -h, --help    this help`;

function makeLogger(config: Config, command: string): Logger {
  // Logs go to stderr so that stdout stays clean for replies and JSON.
  // The terminal chat shares the terminal with the person typing: only warnings interrupt it.
  const serving = command === 'start' && configuredPlatforms(config).length > 0;
  const level = config.LOG_LEVEL ?? (serving ? 'info' : 'warn');
  return createLogger({ level, pretty: Boolean(process.stderr.isTTY), secrets: secretValues(config) });
}

function answer(bot: Paperbot, line: string): Reply {
  const parsed = parseText(line);
  return parsed.ok ? bot.commands.handle(parsed.input) : errorReply(parsed.code, parsed.message);
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        json: { type: 'boolean', default: false },
        batch: { type: 'string' },
        guild: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    process.stderr.write(`paperbot: ${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command = 'help', ...rest] = args.positionals;
  if (args.values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = parseConfig(process.env);
  const logger = makeLogger(config, command);
  const dataDir = path.resolve(args.values.data ?? config.PAPERBOT_DATA ?? path.join(ROOT, 'data'));
  const now = config.PAPERBOT_NOW ? new Date(config.PAPERBOT_NOW) : undefined;
  const clock = () => now ?? new Date();

  switch (command) {
    case 'query': {
      const bot = await createPaperbot({ dataDir, clock, logger, cache: { file: cacheFile(config), readOnly: true } });
      const print = (reply: Reply) => process.stdout.write(`${args.values.json ? JSON.stringify(replyJson(reply)) : renderText(reply, plainStyle)}\n`);
      if (args.values.batch !== undefined) {
        // Answers each line as it arrives, so a program can drive the batch one command at a time.
        const file = args.values.batch;
        let input: NodeJS.ReadableStream = process.stdin;
        if (file !== '-') {
          try {
            await access(file, constants.R_OK);
          } catch (err) {
            process.stderr.write(`paperbot: cannot read the batch file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
            return 1;
          }
          input = createReadStream(file, 'utf8');
        }
        for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
          if (!line.trim()) continue;
          print(answer(bot, line));
          if (!args.values.json) process.stdout.write('\n');
        }
        return 0;
      }
      if (rest.length === 0) {
        process.stderr.write('paperbot: query needs a command, e.g. paperbot query "/paper deepseek-v3"\n');
        return 2;
      }
      const reply = answer(bot, rest.join(' '));
      print(reply);
      return 0;
    }
    case 'corpus': {
      const bot = await createPaperbot({ dataDir, clock, logger, cache: { file: cacheFile(config), readOnly: true } });
      const { papers, issues, files } = bot.corpus;
      if (args.values.json) {
        process.stdout.write(`${JSON.stringify({ ok: true, files, count: papers.length, papers: papers.map((p) => ({ ...paperJson(p), sources: p.sources })), skipped: issues.filter((i) => i.severity === 'skipped'), warnings: issues.filter((i) => i.severity === 'warning') })}\n`);
        return 0;
      }
      process.stdout.write(`${papers.length} papers from ${files.length} files in ${dataDir}\n`);
      const idWidth = Math.min(40, papers.reduce((w, p) => Math.max(w, p.id.length), 2));
      for (const p of papers) process.stdout.write(`  ${p.id.padEnd(idWidth)}  ${p.date ?? 'undated   '}  ${p.title}${p.titleInferred ? ' (title inferred)' : ''}\n`);
      const skipped = issues.filter((i) => i.severity === 'skipped');
      process.stdout.write(`${skipped.length} entries skipped, ${issues.length - skipped.length} warnings\n`);
      for (const issue of issues) process.stdout.write(`  ${issue.severity}: ${formatIssue(issue)}\n`);
      return 0;
    }
    case 'start': {
      if (configuredPlatforms(config).length > 0) {
        // Exits explicitly once shut down: an idle keep-alive socket of a platform library must not hold the process.
        process.exit(await serve({ config, logger, dataDir, clock }));
      }
      const bot = await createPaperbot({ dataDir, clock, logger, cache: { file: cacheFile(config) } });
      await runConsoleChat({ input: process.stdin, output: process.stdout, bot });
      return 0;
    }
    case 'healthcheck':
      return runHealthcheck(config, (line) => process.stdout.write(`${line}\n`));
    case 'discord': {
      // `paperbot discord register [--guild ID]`: lives with the Discord adapter.
      const mod = await import('../../adapters/discord/cli.js');
      return mod.runDiscordCli(args.values.guild === undefined ? { args: rest } : { args: rest, guild: args.values.guild }, config, logger);
    }
    default:
      process.stderr.write(`paperbot: unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Problems a person can fix get one clear message, never a stack trace.
    if (err instanceof ConfigError || err instanceof PaperbotError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`paperbot: unexpected error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
