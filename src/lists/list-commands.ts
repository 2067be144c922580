// /list, /list add <paper>, /list remove <paper>, /list export: a channel's reading list, kept in
// the state file. Anyone in the channel may change it; the list says who added what.
import { bibtexEntry } from '../bibtex.js';
import type { Clock } from '../corpus/dates.js';
import type { Paper } from '../corpus/paper.js';
import type { CommandContext } from '../digest/digest-commands.js';
import type { Engine } from '../engine/engine.js';
import { errorReply, shortName, type Reply } from '../reply.js';
import { MAX_LIST_LENGTH, type ListStore } from './list-store.js';

export interface ListArgs {
  action: 'show' | 'add' | 'remove' | 'export';
  paper?: string | undefined;
}

export interface ListCommands {
  /** `resolve` is the command layer's name lookup: the paper, or the reply (candidates, not found) to send instead. */
  run(args: ListArgs, context: CommandContext, resolve: (name: string) => { paper: Paper } | { reply: Reply }): Reply;
}

export function createListCommands(deps: { store: ListStore; engine: () => Engine; clock: Clock }): ListCommands {
  const { store } = deps;
  const onList = (key: { platform: string; channel: string }) => {
    const engine = deps.engine();
    // A paper that left the corpus stays stored (it may come back) but is not shown.
    return store.entries(key).flatMap((e) => {
      const paper = engine.get(e.paperId);
      return paper ? [{ paper, addedBy: e.addedBy, addedAt: e.addedAt }] : [];
    });
  };
  const needPaper = (action: string) => errorReply('bad_input', `Say which paper, e.g. /list ${action} deepseek-v3.`);

  return {
    run(args, context, resolve) {
      const key = { platform: context.platform, channel: context.channel };
      switch (args.action) {
        case 'show': {
          const items = onList(key);
          return { kind: 'reading-list', title: `Reading list (${items.length} ${items.length === 1 ? 'paper' : 'papers'})`, items };
        }
        case 'add': {
          if (!args.paper?.trim()) return needPaper('add');
          const found = resolve(args.paper);
          if ('reply' in found) return found.reply;
          const name = shortName(found.paper);
          if (store.entries(key).length >= MAX_LIST_LENGTH) return errorReply('list_full', `This channel's reading list already has ${MAX_LIST_LENGTH} papers; remove some with /list remove <paper> first.`);
          if (!store.add(key, found.paper.id, context.user, deps.clock())) return { kind: 'notice', text: `${name} is already on this channel's reading list.` };
          return { kind: 'notice', text: `Added ${name} to this channel's reading list. /list shows it, /list export gives BibTeX.` };
        }
        case 'remove': {
          const wanted = args.paper?.trim();
          if (!wanted) return needPaper('remove');
          // An id removes even a paper that is no longer in the corpus.
          if (store.remove(key, wanted)) return { kind: 'notice', text: `Removed ${wanted} from this channel's reading list.` };
          const found = resolve(wanted);
          if ('reply' in found) return found.reply;
          return store.remove(key, found.paper.id)
            ? { kind: 'notice', text: `Removed ${shortName(found.paper)} from this channel's reading list.` }
            : errorReply('not_on_list', `${shortName(found.paper)} is not on this channel's reading list. /list shows what is.`);
        }
        case 'export': {
          const papers = onList(key).map((i) => i.paper);
          if (papers.length === 0) return errorReply('empty_list', 'This channel\'s reading list is empty. Add a paper with /list add <paper>.');
          return { kind: 'bibtex', title: `BibTeX for this channel's reading list (${papers.length} ${papers.length === 1 ? 'paper' : 'papers'})`, entries: papers.map(bibtexEntry), papers };
        }
      }
    },
  };
}
