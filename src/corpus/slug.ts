// Readable, stable paper ids ("deepseek-v3-2") and the name keys lookup compares.
import { hash } from 'node:crypto';

function ascii(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** "DeepSeek-V3.2" -> "deepseek-v3-2"; at most `max` characters, cut at a hyphen. */
export function slugify(text: string, max = 60): string {
  let slug = ascii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    slug = slug.slice(0, max);
    const cut = slug.lastIndexOf('-');
    if (cut > max / 2) slug = slug.slice(0, cut);
  }
  return slug;
}

/**
 * The key a name is compared by: case, spaces, hyphens and accents do not count, a dot between
 * digits does ("DeepSeek-OCR 2" and "deepseek-ocr2" -> "deepseekocr2"; "V3.2" -> "v3.2").
 */
export function nameKey(text: string): string {
  return ascii(text)
    .toLowerCase()
    .replace(/(\d)\.(?=\d)/g, '$1\u0000')
    .replace(/[^a-z0-9\u0000]+/g, '')
    .replace(/\u0000/g, '.');
}

/** The digits of a key, in order, with version dots: what must match exactly ("v3.2" -> "3.2"). */
export function versionOf(key: string): string {
  return (key.match(/\d+(?:\.\d+)*/g) ?? []).join('|');
}

export function shortHash(text: string, length = 6): string {
  return hash('sha1', text).slice(0, length);
}

/**
 * Makes ids unique without depending on file order: papers that want the same id are ordered by
 * how strongly they claim the name (title and abstract both naming it beats a passing title),
 * then date and content; the first keeps it, the others get a short hash of their content.
 */
export function assignUniqueIds<T extends { wanted: string; strength: number; date: string | null; content: string }>(items: T[]): string[] {
  const byWanted = new Map<string, number[]>();
  items.forEach((item, i) => {
    const list = byWanted.get(item.wanted) ?? [];
    list.push(i);
    byWanted.set(item.wanted, list);
  });
  const ids = new Array<string>(items.length);
  const taken = new Set(byWanted.keys());
  for (const [wanted, indexes] of byWanted) {
    const sorted = [...indexes].sort((a, b) => {
      if (items[a]!.strength !== items[b]!.strength) return items[b]!.strength - items[a]!.strength;
      const da = items[a]!.date ?? '9999';
      const db = items[b]!.date ?? '9999';
      if (da !== db) return da < db ? -1 : 1;
      const ca = items[a]!.content;
      const cb = items[b]!.content;
      return ca < cb ? -1 : ca > cb ? 1 : 0;
    });
    sorted.forEach((index, rank) => {
      if (rank === 0) {
        ids[index] = wanted;
        return;
      }
      // Hashed once: a clash takes a longer prefix of the same digest.
      const digest = shortHash(items[index]!.content, 40);
      let id = `${wanted}-${digest.slice(0, 6)}`;
      for (let n = 8; taken.has(id); n += 2) id = `${wanted}-${digest.slice(0, n)}`;
      taken.add(id);
      ids[index] = id;
    });
  }
  return ids;
}
