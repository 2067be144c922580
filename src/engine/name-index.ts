// The names papers are known by, for lookup and autocomplete: exact keys, sorted keys for
// prefixes, and a fuzzy index for typos. Version numbers must always match exactly.
import MiniSearch from 'minisearch';
import type { Paper } from '../corpus/paper.js';
import { nameKey, versionOf } from '../corpus/slug.js';
import { editDistance } from './edit-distance.js';
import { introducedNames } from '../corpus/names.js';

export interface Alias {
  paper: number;
  key: string;
  label: string;
  /** How strongly the paper claims the name; summed per paper when several papers share a key. */
  weight: number;
  /** A family-less short form ("ocr2" for DeepSeek-OCR 2): only used when no full name matches. */
  short: boolean;
}

export interface NameMatch {
  paper: number;
  score: number;
  key: string;
}

const PREFIX_SCAN_LIMIT = 50_000;
const WEIGHT = { titleName: 3, fullTitle: 3, introducedFirst: 2, introduced: 1, id: 1, short: 1 } as const;

function familyOf(name: string): { family: string; rest: string } | null {
  const m = /^([\p{L}\d]+)[-\s]+(.+)$/u.exec(name);
  if (!m) return null;
  return { family: nameKey(m[1]!), rest: m[2]! };
}

export interface NameIndex {
  exact(key: string, options?: { short?: boolean }): NameMatch[];
  prefix(key: string, limit: number): NameMatch[];
  fuzzy(key: string): { distance: number; matches: NameMatch[] } | null;
  /** Paper names that occur in free text, longest first ("How big is DeepSeek-V3?" -> DeepSeek-V3). */
  mentions(text: string): NameMatch[];
  aliases: readonly Alias[];
}

export function createNameIndex(papers: readonly Paper[]): NameIndex {
  const aliases: Alias[] = [];
  const familyPapers = new Map<string, Set<number>>();
  papers.forEach((paper, i) => {
    for (const name of paper.names) {
      const f = familyOf(name);
      if (!f) continue;
      const set = familyPapers.get(f.family) ?? new Set<number>();
      set.add(i);
      familyPapers.set(f.family, set);
    }
  });
  papers.forEach((paper, i) => {
    const own = new Map<string, Alias>();
    const add = (label: string, weight: number, short = false) => {
      const key = nameKey(label);
      if (key.length < 2) return;
      const same = own.get(`${short}:${key}`);
      if (same) {
        same.weight += weight;
        return;
      }
      const alias = { paper: i, key, label, weight, short };
      own.set(`${short}:${key}`, alias);
      aliases.push(alias);
    };
    // A name counts for more when both the title and the abstract claim it ("DeepSeek-V3 Technical
    // Report" + "We present DeepSeek-V3"): a follow-up titled "DeepSeek-V3-Sparse: …" claims less.
    const titleName = paper.titleInferred ? null : paper.names.find((n) => paper.title.startsWith(n));
    const introduced = introducedNames(paper.abstract).map(nameKey);
    paper.names.forEach((name) => {
      const intro = introduced.indexOf(nameKey(name));
      const introWeight = intro === -1 ? 0 : intro <= 1 ? WEIGHT.introducedFirst : WEIGHT.introduced;
      add(name, (name === titleName ? WEIGHT.titleName : 0) + (introWeight || (name === titleName ? 0 : WEIGHT.introduced)));
      const f = familyOf(name);
      if (f && (familyPapers.get(f.family)?.size ?? 0) >= 2) add(f.rest, WEIGHT.short, true);
    });
    add(paper.id, WEIGHT.id);
    add(paper.title, WEIGHT.fullTitle);
  });

  const byKey = new Map<string, Alias[]>();
  for (const alias of aliases) {
    const list = byKey.get(alias.key) ?? [];
    list.push(alias);
    byKey.set(alias.key, list);
  }
  const sortedKeys = [...byKey.keys()].sort();

  const fuzzyIndex = new MiniSearch<{ id: string; key: string }>({
    fields: ['key'],
    tokenize: (text) => [text],
    processTerm: (t) => t,
    searchOptions: { prefix: false, combineWith: 'OR' },
  });
  fuzzyIndex.addAll(sortedKeys.map((key) => ({ id: key, key })));

  // Aliases of one key add up per paper; across different keys (prefix completions) a paper counts once, by its best key.
  const collect = (found: Alias[]): NameMatch[] => {
    const perKey = new Map<string, NameMatch>();
    for (const a of found) {
      const id = `${a.paper} ${a.key}`;
      const m = perKey.get(id);
      if (m) m.score += a.weight;
      else perKey.set(id, { paper: a.paper, score: a.weight, key: a.key });
    }
    const best = new Map<number, NameMatch>();
    for (const m of perKey.values()) {
      const prev = best.get(m.paper);
      if (!prev || m.score > prev.score) best.set(m.paper, m);
    }
    return [...best.values()].sort((x, y) => y.score - x.score || x.paper - y.paper);
  };

  const exact = (key: string, options: { short?: boolean } = {}) =>
    collect((byKey.get(key) ?? []).filter((a) => a.short === (options.short ?? false)));

  // For ranking completions without touching every alias: each key's best per-paper weight.
  const keyScore = sortedKeys.map((k) => {
    const perPaper = new Map<number, number>();
    for (const a of byKey.get(k)!) if (!a.short) perPaper.set(a.paper, (perPaper.get(a.paper) ?? 0) + a.weight);
    return Math.max(0, ...perPaper.values());
  });

  const prefix = (key: string, limit: number): NameMatch[] => {
    if (!key) return [];
    const version = versionOf(key);
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedKeys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    // Best completions first: the strongest claim, then the shortest name ("DeepSeek-V3" before
    // "DeepSeek-V3-Adaptive: …"). The scan is bounded so one letter stays cheap in a huge corpus.
    const best: number[] = [];
    const better = (a: number, b: number) => keyScore[a]! - keyScore[b]! || sortedKeys[b]!.length - sortedKeys[a]!.length;
    for (let i = lo, scanned = 0; i < sortedKeys.length && scanned < PREFIX_SCAN_LIMIT && sortedKeys[i]!.startsWith(key); i++, scanned++) {
      const k = sortedKeys[i]!;
      // "deepseek-v3" may complete to "deepseek-v3 technical report" but never to "deepseek-v3.2".
      if (version && /[\d.]/.test(k[key.length] ?? '') && /\d$/.test(key)) continue;
      if (keyScore[i] === 0) continue;
      if (best.length < limit * 2) {
        best.push(i);
        best.sort((a, b) => better(b, a));
      } else if (better(i, best.at(-1)!) > 0) {
        best[best.length - 1] = i;
        best.sort((a, b) => better(b, a));
      }
    }
    const found = best.flatMap((i) => byKey.get(sortedKeys[i]!)!.filter((a) => !a.short));
    return collect(found)
      .sort((x, y) => y.score - x.score || x.key.length - y.key.length || x.paper - y.paper)
      .slice(0, limit);
  };

  const fuzzy = (key: string) => {
    if (key.length < 4) return null;
    const max = key.length >= 10 ? 2 : 1;
    const version = versionOf(key);
    let best: { distance: number; aliases: Alias[] } | null = null;
    // MiniSearch counts a swap of two letters as two edits; ask it for one more and measure ourselves.
    for (const hit of fuzzyIndex.search(key, { fuzzy: max + 1 })) {
      const k = hit.id as string;
      if (versionOf(k) !== version) continue;
      const d = editDistance(key, k, max);
      if (d > max || d === 0) continue;
      if (!best || d < best.distance) best = { distance: d, aliases: [...byKey.get(k)!] };
      else if (d === best.distance) best.aliases.push(...byKey.get(k)!);
    }
    return best ? { distance: best.distance, matches: collect(best.aliases.filter((a) => !a.short)).concat(collect(best.aliases.filter((a) => a.short))) } : null;
  };

  const mentions = (text: string): NameMatch[] => {
    const words = text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter(Boolean);
    const found: NameMatch[] = [];
    const used = new Set<number>();
    for (let n = 4; n >= 1; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        if ([...Array(n).keys()].some((k) => used.has(i + k))) continue;
        const phrase = words.slice(i, i + n).join(' ');
        const key = nameKey(phrase);
        // One plain word must look like a name (a capital, digit or hyphen) to count: "deepseek-ocr"
        // does, "janus" in lowercase prose does not.
        if (n === 1 && !/[\p{Lu}\d-]/u.test(phrase)) continue;
        const hits = exact(key).filter((m) => m.score >= WEIGHT.introducedFirst);
        if (hits.length === 0) continue;
        for (let k = 0; k < n; k++) used.add(i + k);
        found.push(hits[0]!);
      }
    }
    return found;
  };

  return { exact, prefix, fuzzy, mentions, aliases };
}
