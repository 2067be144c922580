// The chat commands as data: one definition each, from which the text parser, the Discord
// registration and the Slack manifest are all derived (and checked against).

export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly autocomplete: boolean;
  readonly maxLength: number;
}

export interface SubcommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly options: readonly OptionDefinition[];
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly usage: string;
  readonly example: string;
  readonly options: readonly OptionDefinition[];
  /** A command made of subcommands (`/digest subscribe`): Discord registers each; in text the first word picks one. */
  readonly subcommands?: readonly SubcommandDefinition[];
}

/** Longest input the bot accepts for any argument, in characters. */
export const MAX_INPUT_LENGTH = 1000;

export const COMMANDS = [
  {
    name: 'paper',
    description: 'Show a paper card by name or id',
    usage: '/paper <name>',
    example: '/paper deepseek-v3',
    options: [{ name: 'name', description: 'Paper name or id, e.g. deepseek-v3', required: true, autocomplete: true, maxLength: MAX_INPUT_LENGTH }],
  },
  {
    name: 'search',
    description: 'Search papers; filters: author: category: affiliation: year: has:code before: after:',
    usage: '/search <query>',
    example: '/search mixture-of-experts has:code',
    options: [{ name: 'query', description: 'Words and filters, e.g. mixture-of-experts year:2024', required: true, autocomplete: false, maxLength: MAX_INPUT_LENGTH }],
  },
  {
    name: 'ask',
    description: 'Ask a question; the answer quotes and cites the papers',
    usage: '/ask <question>',
    example: '/ask What is MLA?',
    options: [{ name: 'question', description: 'A question, e.g. What is MLA?', required: true, autocomplete: false, maxLength: MAX_INPUT_LENGTH }],
  },
  {
    name: 'related',
    description: 'Papers most similar to a paper, and what they share',
    usage: '/related <paper>',
    example: '/related deepseek-v3',
    options: [{ name: 'paper', description: 'Paper name or id', required: true, autocomplete: true, maxLength: MAX_INPUT_LENGTH }],
  },
  {
    name: 'digest',
    description: 'A daily digest of new papers in this channel',
    usage: '/digest <subscribe|unsubscribe|time|quiet|preview|status>',
    example: '/digest subscribe mixture-of-experts has:code',
    options: [],
    subcommands: [
      {
        name: 'subscribe',
        description: 'Post the new papers here every day (default 09:00 UTC)',
        options: [{ name: 'topic', description: 'Only papers this search matches, e.g. mixture-of-experts has:code', required: false, autocomplete: false, maxLength: MAX_INPUT_LENGTH }],
      },
      { name: 'unsubscribe', description: 'Stop this channel\'s digest', options: [] },
      {
        name: 'time',
        description: 'When the digest posts, e.g. 09:00 Europe/Berlin',
        options: [
          { name: 'time', description: 'Time of day, HH:MM (24-hour)', required: true, autocomplete: false, maxLength: 5 },
          { name: 'zone', description: 'IANA time zone, e.g. Europe/Berlin (default UTC)', required: false, autocomplete: false, maxLength: 64 },
        ],
      },
      {
        name: 'quiet',
        description: 'On days with nothing new: on posts nothing, off posts "nothing new"',
        options: [{ name: 'quiet', description: 'on or off', required: true, autocomplete: false, maxLength: 3 }],
      },
      { name: 'preview', description: 'What the next digest would post (only you see it)', options: [] },
      { name: 'status', description: 'This channel\'s digest: topic, time, next and last', options: [] },
    ],
  },
  {
    name: 'list',
    description: 'This channel\'s reading list: show, add, remove, export as BibTeX',
    usage: '/list [add|remove|export] [paper]',
    example: '/list add deepseek-v3',
    options: [],
    subcommands: [
      { name: 'show', description: 'The papers on this channel\'s list, who added each and when', options: [] },
      { name: 'add', description: 'Add a paper to this channel\'s reading list', options: [{ name: 'paper', description: 'Paper name or id', required: true, autocomplete: true, maxLength: MAX_INPUT_LENGTH }] },
      { name: 'remove', description: 'Take a paper off this channel\'s reading list', options: [{ name: 'paper', description: 'Paper name or id', required: true, autocomplete: true, maxLength: MAX_INPUT_LENGTH }] },
      { name: 'export', description: 'The whole list as BibTeX', options: [] },
    ],
  },
  {
    name: 'watch',
    description: 'Watch mode: cards for papers named or linked in this channel\'s messages',
    usage: '/watch <on|off|status>',
    example: '/watch on',
    options: [],
    subcommands: [
      { name: 'on', description: 'Card papers named or linked here (once per paper per thread an hour)', options: [] },
      { name: 'off', description: 'Stop watch mode in this channel', options: [] },
      { name: 'status', description: 'Whether watch mode is on here', options: [] },
    ],
  },
  {
    name: 'help',
    description: 'What paperbot can do',
    usage: '/help',
    example: '/help',
    options: [],
  },
] as const satisfies readonly CommandDefinition[];

export type CommandName = (typeof COMMANDS)[number]['name'];

export const COMMAND_NAMES: readonly CommandName[] = COMMANDS.map((c) => c.name);

export function commandDefinition(name: string): CommandDefinition | undefined {
  return (COMMANDS as readonly CommandDefinition[]).find((c) => c.name === name);
}
