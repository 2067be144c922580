// A parsed chat command, validated with zod, whichever platform or text it came from.
import { z } from 'zod';
import { MAX_INPUT_LENGTH } from './definitions.js';

// Control characters never mean anything in a query; they only break terminals and logs.
const text = (what: string) =>
  z
    .string()
    .transform((s) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, { message: `${what} is empty` })
        .max(MAX_INPUT_LENGTH, { message: `${what} is longer than ${MAX_INPUT_LENGTH.toLocaleString('en')} characters` }),
    );

export const commandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('paper'), args: z.object({ name: text('The paper name'), full: z.boolean().default(false), bibtex: z.boolean().default(false) }) }),
  z.object({ command: z.literal('search'), args: z.object({ query: text('The search'), limit: z.number().int().min(1).max(25).default(10) }) }),
  z.object({ command: z.literal('ask'), args: z.object({ question: text('The question'), contextPaperId: z.string().optional() }) }),
  z.object({ command: z.literal('related'), args: z.object({ paper: text('The paper name'), limit: z.number().int().min(1).max(25).default(5) }) }),
  z.object({ command: z.literal('help'), args: z.object({}).default({}) }),
  z.object({
    command: z.literal('digest'),
    args: z.object({
      action: z.enum(['subscribe', 'unsubscribe', 'time', 'quiet', 'preview', 'status'], { message: 'Say what to do: subscribe, unsubscribe, time, quiet, preview or status' }),
      topic: z.string().max(MAX_INPUT_LENGTH, { message: `The topic is longer than ${MAX_INPUT_LENGTH.toLocaleString('en')} characters` }).optional(),
      time: z.string().max(100).optional(),
      zone: z.string().max(100).optional(),
      quiet: z.string().max(100).optional(),
    }),
  }),
  z.object({
    command: z.literal('list'),
    args: z.object({
      action: z.enum(['show', 'add', 'remove', 'export'], { message: 'Say what to do: add, remove or export (or nothing, to show the list)' }).default('show'),
      paper: z.string().max(MAX_INPUT_LENGTH, { message: `The paper name is longer than ${MAX_INPUT_LENGTH.toLocaleString('en')} characters` }).optional(),
    }),
  }),
  z.object({
    command: z.literal('watch'),
    args: z.object({ action: z.enum(['on', 'off', 'status'], { message: 'Say /watch on, /watch off or /watch status' }).default('status') }),
  }),
]);

export type Command = z.infer<typeof commandSchema>;
export type CommandInput = z.input<typeof commandSchema>;
