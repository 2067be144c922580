import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAbstractFormat } from '../../src/corpus/abstract-format.js';
import { messyText } from './messy-text.js';
import { referenceIsAbstractFormat } from './reference.js';

describe('isAbstractFormat', () => {
  it.each([
    ['Abstract: x', true],
    ['  \n \t Abstract :x', true],
    ['CLJan 2, 2025\nTitleJane Doe\nAn Abstract: in the middle', false],
    ['x\rAbstract:', false],
  ])('GIVEN %j THEN %j', (text, expected) => {
    expect(isAbstractFormat(text)).toBe(expected);
    expect(referenceIsAbstractFormat(text)).toBe(expected);
  });

  it('LAW: looking at line starts first changes no answer', () => {
    fc.assert(
      fc.property(messyText(), (text) => {
        expect(isAbstractFormat(text)).toBe(referenceIsAbstractFormat(text));
      }),
      { numRuns: 1000 },
    );
  });
});
