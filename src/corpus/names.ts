// Finds the names a paper is known by: the system named before a title's colon or at its start,
// and the systems its abstract introduces ("We present DeepSeek-V3", "termed CoLeCLIP").

/** A word that reads as a name: "DeepSeek-V3", "CoLeCLIP", "mHC", "Janus", "GPT-4", "LLM". */
const NAME_TOKEN = /^(?:[\p{L}\d]+(?:[-.][\p{L}\d]+)*)$/u;
const COMMON_CAPITALISED = new Set([
  'The', 'A', 'An', 'Our', 'This', 'These', 'That', 'It', 'We', 'In', 'On', 'For', 'To', 'By', 'With', 'As', 'Its',
  'Specifically', 'However', 'Furthermore', 'Finally', 'Moreover', 'Additionally', 'Experiments', 'Extensive',
]);

/** True for a token that is clearly a name even without context: inner capital, digit, all caps. */
export function isDistinctiveName(token: string): boolean {
  if (!NAME_TOKEN.test(token)) return false;
  return /\p{Lu}/u.test(token.slice(1)) || (/\d/.test(token) && /\p{L}/u.test(token)) || /^\p{Lu}{2,}$/u.test(token);
}

function isCapitalisedName(token: string): boolean {
  return NAME_TOKEN.test(token) && /^[\p{Lu}\d]|^[a-z]+\p{Lu}/u.test(token) && !COMMON_CAPITALISED.has(token);
}

/**
 * Reads a name phrase at the start of `words`: one name token, then optionally a version number
 * ("DeepSeek-OCR 2", "LLaMA 3") or an acronym ("DeepSeek LLM"). Returns the number of words used.
 */
function namePhraseLength(words: string[]): number {
  const first = stripPunct(words[0]);
  if (!first || !isCapitalisedName(first)) return 0;
  if (words[0] !== first) return 1; // a comma or period right after the name ends it
  const second = stripPunct(words[1]);
  if (second && (/^\d+(?:\.\d+)?$/.test(second) || /^V\d+(?:\.\d+)?$/.test(second) || /^\p{Lu}{2,}\d*$/u.test(second))) return 2;
  return 1;
}

function stripPunct(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  return word.replace(/^[("'“]+/, '').replace(/[),;:.!?"'”]+$/, '');
}

/** The system name a title gives: before its colon ("DeepSeek-R1: …") or its leading name. */
export function titleSystemName(title: string): string | null {
  const colon = title.indexOf(': ');
  if (colon > 0) {
    const head = title.slice(0, colon).trim();
    const words = head.split(/\s+/);
    if (words.length <= 4 && words.some((w) => isDistinctiveName(w) || isCapitalisedName(w))) return head;
  }
  const words = title.split(/\s+/);
  const first = words[0] ?? '';
  if (isDistinctiveName(stripPunct(first) ?? '')) {
    const n = namePhraseLength(words);
    return words.slice(0, n).map((w) => stripPunct(w)).join(' ');
  }
  return null;
}

const TRIGGER =
  /\b(?:we\s+(?:present|introduce|propose|release|develop|design|build|call|term)|termed|called|dubbed|named|instantiated\s+(?:via|as)|(?:this|the)\s+(?:paper|work|report)\s+(?:presents|introduces|proposes))\s+/gi;
const SENTENCE_END = /(?<=[.!?])\s/;
const DETERMINERS = new Set(['the', 'our', 'a', 'an', 'new']);
const STOP_DESCRIPTOR = new Set(['that', 'which', 'to', 'for', 'of', 'with', 'by', 'in', 'on', 'and', 'as', 'from', 'is', 'are']);

// A module function, not a closure per call: tsx (which runs the benchmark) renames closures at
// a measurable cost.
function addNew(names: string[], name: string): void {
  if (!names.includes(name)) names.push(name);
}

/** Names the abstract introduces, in order, with a long form's acronym ("… (mHC)") first. */
export function introducedNames(abstract: string): string[] {
  const names: string[] = [];
  // exec() rather than matchAll(), which copies the regex on every call.
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(abstract); m; m = TRIGGER.exec(abstract)) {
    const after = abstract.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const end = SENTENCE_END.exec(after);
    const sentence = end ? after.slice(0, end.index) : after;
    let words = sentence.split(/\s+/).filter(Boolean);
    // Optional determiner, then either the name, or a short lowercase description ending in a comma
    // or colon ("our first-generation reasoning models, DeepSeek-R1-Zero and DeepSeek-R1").
    if (words[0] && DETERMINERS.has(words[0].toLowerCase())) words = words.slice(1);
    if (namePhraseLength(words) === 0) {
      let k = 0;
      while (k < 5 && words[k] && /^[\p{Ll}\d-]+[,:]?$/u.test(words[k]!) && !STOP_DESCRIPTOR.has(words[k]!.replace(/[,:]$/, ''))) {
        if (/[,:]$/.test(words[k]!)) break;
        k++;
      }
      if (!words[k] || !/[,:]$/.test(words[k]!)) continue;
      words = words.slice(k + 1);
    }
    // A list of names: "X", "X and Y", "X, Y and Z"; a long form may carry its acronym "(mHC)".
    let longForm: string[] = [];
    while (words.length > 0) {
      let n = namePhraseLength(words);
      if (n === 0) break;
      // Multi-word proper names such as "Manifold-Constrained Hyper-Connections (mHC)".
      while (words[n - 1] === stripPunct(words[n - 1]) && words[n] && !words[n]!.startsWith('(') && isCapitalisedName(stripPunct(words[n])!) && n < 5) n++;
      longForm = words.slice(0, n).map((w) => stripPunct(w)!);
      const acronym = /^\((\p{L}[\p{L}\d-]{1,15})\)[,.;:]?$/u.exec(words[n] ?? '');
      if (acronym) {
        addNew(names, acronym[1]!);
        addNew(names, longForm.join(' '));
        n++;
      } else if (longForm.length <= 3) {
        addNew(names, longForm.join(' '));
      }
      const last = words[n - 1] ?? '';
      const next = words[n]?.toLowerCase();
      if (next === 'and' || next === 'or') words = words.slice(n + 1);
      else if (last.endsWith(',') && words[n] && namePhraseLength(words.slice(n)) > 0 && isDistinctiveName(stripPunct(words[n])!)) words = words.slice(n);
      else break;
    }
  }
  return names;
}
