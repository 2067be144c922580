import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignUniqueIds, nameKey, slugify } from '../../src/corpus/slug.js';
import { paperIdSchema } from '../../src/corpus/paper.js';

describe('slugify and nameKey', () => {
  it.each([
    ['DeepSeek-V3.2', 'deepseek-v3-2'],
    ['DeepSeek-OCR 2', 'deepseek-ocr-2'],
    ['Zürich Café', 'zurich-cafe'],
  ])('slugify(%j) = %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it('GIVEN names that differ only in case, spaces or hyphens THEN the same key; versions stay apart', () => {
    expect(nameKey('DeepSeek-OCR 2')).toBe(nameKey('deepseek-ocr2'));
    expect(nameKey('DeepSeek-V3.2')).toBe('deepseekv3.2');
    expect(nameKey('DeepSeek-V3')).not.toBe(nameKey('DeepSeek-V3.2'));
  });

  it('LAW: a slug is always a valid id, or empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || paperIdSchema.safeParse(slug).success).toBe(true);
      }),
    );
  });

  it('LAW: assigned ids are unique and do not depend on input order', () => {
    const item = fc.record({
      wanted: fc.constantFrom('alpha', 'beta', 'gamma'),
      strength: fc.integer({ min: 0, max: 2 }),
      date: fc.option(fc.constantFrom('2024-01-01', '2025-06-30'), { nil: null }),
      content: fc.string({ minLength: 1, maxLength: 20 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (i) => i.content, maxLength: 30 }), (items) => {
        const ids = assignUniqueIds(items);
        expect(new Set(ids).size).toBe(items.length);
        const reversed = assignUniqueIds([...items].reverse()).reverse();
        expect(reversed).toEqual(ids);
      }),
    );
  });
});
