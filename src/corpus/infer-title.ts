// A short descriptive title for a paper known only by an abstract that names no system,
// taken from the sentence that states the contribution.

const CONTRIBUTION =
  /\b(?:we\s+(?:propose|introduce|present|develop|design|describe)|(?:this|the)\s+(?:paper|work|technical report|report|study)\s+(?:presents|proposes|introduces|explores|studies|describes))\s+/i;
const LEADING_FILLER = /^(?:(?:a|an|the|our|new|novel|simple|general|unified)\s+)+/i;
const CLAUSE_BREAK = /\s(?:that|which|to|by|into|where|whereby|so that|in order to|while|using)\s|[,;:.]/i;
const MAX_WORDS = 12;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z(])/);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Cuts a phrase to at most MAX_WORDS, preferring to end before "and", "with", "for" or "of". */
function shorten(phrase: string): string {
  const w = words(phrase);
  if (w.length <= MAX_WORDS) return phrase;
  for (let k = MAX_WORDS; k >= 3; k--) {
    if (['and', 'with', 'for', 'of', 'in', 'on', 'via'].includes(w[k]!.toLowerCase())) return w.slice(0, k).join(' ');
  }
  return w.slice(0, MAX_WORDS).join(' ');
}

export function inferDescriptiveTitle(abstract: string): string {
  const all = sentences(abstract);
  const sentence = all.find((s) => CONTRIBUTION.test(s));
  if (sentence) {
    // A run of capitalised words names the subject best: "2021 HACS Temporal Action Localization Challenge".
    const span = /(?:\b(?:\d{4}\s+)?(?:[A-Z][\w-]*\s+){2,}[A-Z][\w-]*)/.exec(sentence.replace(CONTRIBUTION, ' '));
    if (span && words(span[0]).length >= 3) return shorten(span[0].trim());
    let rest = sentence.slice(CONTRIBUTION.exec(sentence)!.index + CONTRIBUTION.exec(sentence)![0].length);
    // "We propose alleviating the problem by incorporating X" -> X
    const by = /^\w+ing\b[^,.]*?\bby\s+\w+ing\s+/i.exec(rest);
    if (by) rest = rest.slice(by[0].length);
    else rest = rest.replace(/^\w+ing\s+(?=(?:the|a|an)\s)/i, '');
    rest = rest.replace(LEADING_FILLER, '').replace(/[.!?]+$/, '');
    let cut = CLAUSE_BREAK.exec(rest);
    let phrase = cut ? rest.slice(0, cut.index) : rest;
    if (words(phrase).length < 3 && cut) {
      // Too short ("hybrid approach"): carry on through the clause to the next break.
      const after = rest.slice(cut.index + cut[0].length - (cut[0].endsWith(' ') ? 1 : 0));
      const next = /\s(?:to|by|into|where|so that|in order to|while)\s|[,;:.]/i.exec(after);
      phrase = rest.slice(0, cut.index) + ' ' + (cut[0].trim().match(/^\w/) ? cut[0].trim() + ' ' : '') + (next ? after.slice(0, next.index) : after).trim();
    }
    // A trailing "for <topic>" at the end of the sentence says what the method is for.
    const purpose = /\bfor\s+((?:[\w-]+\s+){0,3}[\w-]+)\s*[.!?]?$/.exec(sentence);
    if (purpose && !phrase.includes(purpose[1]!) && words(phrase).length <= 5) phrase += ` for ${purpose[1]}`;
    phrase = phrase.replace(/\s+/g, ' ').trim();
    if (words(phrase).length >= 2) return capitalise(shorten(phrase));
  }
  // No contribution sentence: the first sentence, shortened.
  return capitalise(shorten((all[0] ?? abstract).replace(/[.!?]+$/, '')));
}
