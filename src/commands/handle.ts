// The command layer: validates a command, runs it on the engine and returns a neutral reply.
// Expected problems (no such paper, bad filter, empty input) come back as error replies;
// anything unexpected is logged once and answered with a short apology.
import type { Paper } from '../corpus/paper.js';
import type { Engine } from '../engine/engine.js';
import type { Logger } from '../logger.js';
import { asPaperbotError } from '../errors.js';
import { errorReply, shortName, type Action, type Reply } from '../reply.js';
import { commandSchema, type Command, type CommandInput } from './command.js';
import { COMMANDS } from './definitions.js';
import { bibtexEntry } from '../bibtex.js';
import { FILTER_EXAMPLES } from '../engine/query.js';
import type { CommandContext, DigestCommands } from '../digest/digest-commands.js';
import type { ListCommands } from '../lists/list-commands.js';
import type { Watch } from '../watch/watch.js';

export interface CommandHandler {
  /** `context` says who asks and where; commands about a channel (/digest) need it. */
  handle(input: CommandInput, context?: CommandContext): Reply;
}

/** Optional parts of the command layer: digests exist only when the state store is open. */
export interface CommandExtras {
  digests?: DigestCommands;
  /** Reading lists, also kept in the state file. */
  lists?: ListCommands;
  /** Watch mode, also kept in the state file. */
  watch?: Watch;
}

const BIBTEX_SUFFIX = /^(.*\S)\s+(?:--)?bibtex$/i;

function quote(text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `“${short}”`;
}

export function paperActions(paper: Paper, full: boolean): Action[] {
  const actions: Action[] = [];
  if (!full) actions.push({ kind: 'command', id: 'full-abstract', label: 'Full abstract', command: { command: 'paper', args: { name: paper.id, full: true } } });
  actions.push({ kind: 'command', id: 'related', label: 'Related papers', command: { command: 'related', args: { paper: paper.id } } });
  if (paper.codeUrl) actions.push({ kind: 'link', id: 'code', label: 'Code', url: paper.codeUrl });
  return actions;
}

function candidateActions(papers: Paper[]): Action[] {
  return papers.map((p) => ({ kind: 'command', id: 'open', label: shortName(p), command: { command: 'paper', args: { name: p.id } } }));
}

function helpReply(): Reply {
  return {
    kind: 'help',
    text: `Look papers up by name (typos are fine), search with filters (${FILTER_EXAMPLES}), and ask questions: answers quote the papers they come from.`,
    commands: COMMANDS.map((c) => ({ usage: c.usage, description: c.description, example: c.example })),
  };
}

/** Resolves a paper name for /paper, /related and /list: the paper, or the reply to send instead. */
export function resolve(engine: Engine, name: string): { paper: Paper } | { reply: Reply } {
  const result = engine.lookup(name);
  switch (result.kind) {
    case 'found':
      return { paper: result.paper };
    case 'ambiguous':
      return {
        reply: {
          kind: 'candidates',
          query: name,
          message:
            result.total > result.candidates.length
              ? `${quote(name)} could be ${result.total} papers; here are the first ${result.candidates.length}. Which one? (Type more of the name to narrow it down.)`
              : `${quote(name)} could be ${result.total} papers. Which one?`,
          papers: result.candidates,
          actions: candidateActions(result.candidates),
        },
      };
    case 'not-found': {
      const hint = result.suggestions.length > 0 ? ` Did you mean ${result.suggestions.map(shortName).join(', ')}?` : ' Try /search with a few words of its title.';
      return { reply: errorReply('not_found', `No paper matches ${quote(name)}.${hint}`, result.suggestions) };
    }
  }
}

function run(engine: Engine, command: Command, extras: CommandExtras, context: CommandContext | undefined): Reply {
  switch (command.command) {
    case 'paper': {
      // `/paper deepseek-v3 bibtex` on every platform: Discord's one name option carries the word too.
      const asBibtex = BIBTEX_SUFFIX.exec(command.args.name);
      const found = resolve(engine, asBibtex?.[1] ?? command.args.name);
      if ('reply' in found) return found.reply;
      if (command.args.bibtex || asBibtex) return { kind: 'bibtex', title: `BibTeX for ${shortName(found.paper)}`, entries: [bibtexEntry(found.paper)], papers: [found.paper] };
      return { kind: 'paper', paper: found.paper, full: command.args.full, actions: paperActions(found.paper, command.args.full) };
    }
    case 'search': {
      const result = engine.search(command.args.query, { limit: command.args.limit });
      if (!result.ok) return errorReply(result.error.code, result.error.message);
      const { hits, total } = result.value;
      if (hits.length === 0) return errorReply('no_results', `No papers match ${quote(command.args.query)}. Try fewer words or filters.`);
      return {
        kind: 'papers',
        title: `${total} ${total === 1 ? 'paper matches' : 'papers match'} ${quote(command.args.query)}`,
        items: hits.map((h) => ({ paper: h.paper, snippet: h.snippet })),
        total,
        ...(total > hits.length ? { more: `Showing the first ${hits.length}; add words or filters to narrow it down.` } : {}),
      };
    }
    case 'related': {
      const found = resolve(engine, command.args.paper);
      if ('reply' in found) return found.reply;
      const hits = engine.related(found.paper, { limit: command.args.limit });
      if (hits.length === 0) return errorReply('no_results', `Nothing in the corpus is close to ${shortName(found.paper)}.`);
      return {
        kind: 'papers',
        title: `Papers related to ${shortName(found.paper)}`,
        items: hits.map((h) => ({ paper: h.paper, shared: h.shared })),
        total: hits.length,
      };
    }
    case 'ask': {
      const contextPaper = command.args.contextPaperId ? engine.get(command.args.contextPaperId) : undefined;
      const answer = engine.ask(command.args.question, contextPaper ? { contextPaper } : {});
      const papers: Paper[] = [];
      for (const c of answer.citations) if (!papers.includes(c.paper)) papers.push(c.paper);
      return {
        kind: 'answer',
        question: command.args.question,
        found: answer.found,
        text: answer.text,
        citations: answer.citations.map((c) => ({ paperId: c.paper.id, sentence: c.sentence })),
        papers,
      };
    }
    case 'help':
      return helpReply();
    case 'digest':
      if (!extras.digests) return errorReply('digest_unavailable', 'Digests are not available here: they post to Discord or Slack channels when the bot runs there.');
      if (!context) return errorReply('digest_unavailable', 'Digests are set up from a Discord or Slack channel.');
      return extras.digests.run(command.args, context);
    case 'list':
      if (!extras.lists) return errorReply('list_unavailable', 'Reading lists are not available here: they belong to Discord or Slack channels when the bot runs there.');
      if (!context) return errorReply('list_unavailable', 'Reading lists belong to a Discord or Slack channel.');
      return extras.lists.run(command.args, context, (name) => resolve(engine, name));
    case 'watch':
      if (!extras.watch || !context) return errorReply('watch_unavailable', 'Watch mode is for Discord or Slack channels when the bot runs there.');
      return extras.watch.run(command.args, context);
  }
}

/** `engine` may be a getter, so a corpus reload can swap in a new engine between commands. */
export function createCommandHandler(engine: Engine | (() => Engine), logger: Logger, extras: CommandExtras = {}): CommandHandler {
  const current = typeof engine === 'function' ? engine : () => engine;
  return {
    handle(input, context) {
      const parsed = commandSchema.safeParse(input);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        const message = first?.message && !first.message.startsWith('Invalid') ? `${first.message}.` : 'That command is not complete.';
        return errorReply('bad_input', `${message} Example: ${COMMANDS.find((c) => c.name === (input as { command?: string }).command)?.example ?? '/help'}`);
      }
      try {
        return run(current(), parsed.data, extras, context);
      } catch (err) {
        const error = asPaperbotError(err);
        logger.error({ err: error, command: parsed.data.command }, 'command failed');
        return errorReply('internal', 'Sorry, something went wrong answering that. It has been logged.');
      }
    },
  };
}
