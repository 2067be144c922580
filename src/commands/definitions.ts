// The chat commands as data: one definition each, from which the text parser, the Discord
// registration and the Slack manifest are all derived (and checked against).

export interface OptionDefinition {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  readonly autocomplete: boolean;
  readonly maxLength: number;
}

export interface CommandDefinition {
  readonly name: string;
  readonly description: string;
  readonly usage: string;
  readonly example: string;
  readonly options: readonly OptionDefinition[];
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
