// Builds the name index (see name-index.ts) from papers: each paper's names as keys with a
// weight (title name, introduced name, id, short forms), sorted keys, the completion tree and the
// typo index, then hands the snapshot to name-index-query.ts.
import type { Paper } from '../corpus/paper.js';
import { introducedNames } from '../corpus/names.js';
import { nameKey, versionOf } from '../corpus/slug.js';
import { createTypoIndex } from './edit-distance.js';
import { completionOrder, SNAPSHOT_FORMAT, typoDepth, WEIGHT, type NameIndex, type NameIndexSnapshot } from './name-index.js';
import { nameIndexFromParts } from './name-index-query.js';

/** A name a paper is known by, while the index is built. */
interface Alias {
  key: string;
  paper: number;
  weight: number;
  short: boolean;
}

function familyOf(name: string): { family: string; rest: string } | null {
  const m = /^([\p{L}\d]+)[-\s]+(.+)$/u.exec(name);
  if (!m) return null;
  return { family: nameKey(m[1]!), rest: m[2]! };
}

export function createNameIndex(papers: readonly Paper[]): NameIndex {
  const familyPapers = new Map<string, Set<number>>();
  papers.forEach((paper, i) => {
    for (const name of paper.names) {
      const f = familyOf(name);
      if (f) familyPapers.set(f.family, (familyPapers.get(f.family) ?? new Set<number>()).add(i));
    }
  });
  const aliases: Alias[] = [];
  papers.forEach((paper, i) => {
    const own = { full: new Map<string, Alias>(), short: new Map<string, Alias>() };
    const add = (key: string, weight: number, short = false) => {
      if (key.length < 2) return;
      const mine = short ? own.short : own.full;
      const same = mine.get(key);
      if (same) {
        same.weight += weight;
        return;
      }
      const alias = { key, paper: i, weight, short };
      mine.set(key, alias);
      aliases.push(alias);
    };
    // A name counts for more when both the title and the abstract claim it ("DeepSeek-V3 Technical
    // Report" + "We present DeepSeek-V3"): a follow-up titled "DeepSeek-V3-Sparse: …" claims less.
    const titleName = paper.titleInferred ? null : paper.names.find((n) => paper.title.startsWith(n));
    const introduced = introducedNames(paper.abstract).map(nameKey);
    paper.names.forEach((name) => {
      const key = nameKey(name);
      const intro = introduced.indexOf(key);
      const introWeight = intro === -1 ? 0 : intro <= 1 ? WEIGHT.introducedFirst : WEIGHT.introduced;
      add(key, (name === titleName ? WEIGHT.titleName : 0) + (introWeight || (name === titleName ? 0 : WEIGHT.introduced)));
      const f = familyOf(name);
      if (f && (familyPapers.get(f.family)?.size ?? 0) >= 2) add(nameKey(f.rest), WEIGHT.short, true);
    });
    add(nameKey(paper.id), WEIGHT.id);
    add(nameKey(paper.title), WEIGHT.fullTitle);
  });

  const byKey = new Map<string, Alias[]>();
  for (const alias of aliases) {
    const list = byKey.get(alias.key);
    if (list) list.push(alias);
    else byKey.set(alias.key, [alias]);
  }
  const sortedKeys = [...byKey.keys()].sort();
  const keyEnd = new Uint32Array(sortedKeys.length);
  const aliasStart = new Uint32Array(sortedKeys.length + 1);
  const aliasPaper = new Uint32Array(aliases.length);
  const aliasWeight = new Float32Array(aliases.length);
  const aliasShort = new Uint8Array(aliases.length);
  const keyScore = new Float32Array(sortedKeys.length);
  let end = 0;
  let a = 0;
  sortedKeys.forEach((key, k) => {
    keyEnd[k] = end += key.length;
    for (const alias of byKey.get(key)!.sort((x, y) => y.weight - x.weight || x.paper - y.paper)) {
      aliasPaper[a] = alias.paper;
      aliasWeight[a] = alias.weight;
      aliasShort[a] = alias.short ? 1 : 0;
      if (!alias.short && alias.weight > keyScore[k]!) keyScore[k] = alias.weight;
      a++;
    }
    aliasStart[k + 1] = a;
  });

  const better = completionOrder(keyScore, keyEnd);
  let leaves = 1;
  while (leaves < sortedKeys.length) leaves *= 2;
  const completions = new Int32Array(2 * leaves).fill(-1);
  for (let k = 0; k < sortedKeys.length; k++) completions[leaves + k] = k;
  for (let node = leaves - 1; node >= 1; node--) {
    const [l, r] = [completions[2 * node]!, completions[2 * node + 1]!];
    completions[node] = r === -1 || (l !== -1 && better(l, r) > 0) ? l : r;
  }

  const typos = createTypoIndex(sortedKeys, sortedKeys.map(versionOf), typoDepth).snapshot();
  const s: NameIndexSnapshot = {
    format: SNAPSHOT_FORMAT,
    papers: papers.length,
    keys: sortedKeys.join(''),
    keyEnd,
    aliasStart,
    aliasPaper,
    aliasWeight,
    aliasShort,
    keyScore,
    completions,
    typos,
  };
  return nameIndexFromParts(s, sortedKeys);
}
