import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abstractKey } from '../../src/corpus/merge.js';
import { messyAbstract, messyText } from './messy-text.js';
import { referenceAbstractKey } from './reference.js';

describe('abstractKey', () => {
  it('GIVEN the same abstract with other case, punctuation and a trailing ellipsis THEN the same key', () => {
    const a = 'We present FooNet, a model for bar. '.repeat(10);
    expect(abstractKey(`${a.toUpperCase().replace(/,/g, ' ;')}…`)).toBe(abstractKey(a));
  });

  it.each([
    ['ASCII, long', 'We Present FooNet -- a (very) good model. '.repeat(20)],
    ['a final sigma right after the key would end', `${'a '.repeat(79)}ΑΣ b`],
    ['İ, which lowercases to two characters', `İ${'word '.repeat(60)}`],
    ['non-ASCII after 160 key characters', `${'abcd '.repeat(40)}Zoë`],
    ['a trailing "..." inside the first 160 characters', 'short abstract...'],
  ])('GIVEN %s THEN the key the whole-abstract version gives', (_what, abstract) => {
    expect(abstractKey(abstract)).toBe(referenceAbstractKey(abstract));
  });

  it('LAW: the one-pass ASCII key equals lowercasing and collapsing the whole abstract', () => {
    fc.assert(
      fc.property(fc.oneof(messyAbstract(), messyText()), (abstract) => {
        expect(abstractKey(abstract)).toBe(referenceAbstractKey(abstract));
      }),
      { numRuns: 3000 },
    );
  });
});
