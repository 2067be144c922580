// The terminal chat that `npm start` opens when no chat platform is configured: type
// /paper deepseek-v3 and see the card, with tab completion of paper names.
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Paperbot } from '../../src/app.js';
import { parseText } from '../../src/commands/parse-text.js';
import { errorReply } from '../../src/reply.js';
import { ansiStyle, plainStyle, renderText, type TextStyle } from './render-text.js';

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable & { isTTY?: boolean; columns?: number };
  bot: Paperbot;
}

const NAME_COMMANDS = /^\/(paper|related)\s+(.*)$/i;

export function answerLine(bot: Paperbot, line: string, style: TextStyle): string {
  const parsed = parseText(line);
  const reply = parsed.ok ? bot.commands.handle(parsed.input) : errorReply(parsed.code, parsed.message);
  return renderText(reply, style);
}

/** Runs until the input ends or the person types /quit. Resolves when it is closed. */
export function runConsoleChat({ input, output, bot }: ConsoleChatOptions): Promise<void> {
  const tty = Boolean(output.isTTY);
  const style = tty ? ansiStyle(output.columns ?? 88) : plainStyle;
  const rl = readline.createInterface({
    input,
    output,
    terminal: tty,
    completer: (line: string): [string[], string] => {
      const m = NAME_COMMANDS.exec(line);
      if (!m) return [['/paper ', '/search ', '/ask ', '/related ', '/help'].filter((c) => c.startsWith(line)), line];
      const ids = bot.engine.suggest(m[2]!).map((s) => `/${m[1]!.toLowerCase()} ${s.id}`);
      return [ids, line];
    },
  });
  const write = (text: string) => output.write(`${text}\n`);
  if (tty) {
    write(style.bold(`paperbot — ${bot.engine.papers.length} papers. Try /paper deepseek-v3, /search mixture-of-experts, /ask What is MLA?  (/help, /quit)`));
    rl.setPrompt('paperbot> ');
    rl.prompt();
  }
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      let text = line.trim();
      if (/^\/?(?:quit|exit|q)$/i.test(text)) {
        rl.close();
        return;
      }
      // Plain "help" is a request for help, not a paper named "help".
      if (/^help$/i.test(text)) text = '/help';
      if (text) write(`${answerLine(bot, text, style)}\n`);
      if (tty) rl.prompt();
    });
    rl.on('close', () => resolve());
  });
}
