import { describe, expect, it } from 'vitest';
import { resolveListingDate } from '../../src/corpus/dates.js';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('resolveListingDate', () => {
  it('GIVEN a date with a year THEN it is that day', () => {
    expect(resolveListingDate(1, 22, 2025, at('2026-11-22'))).toBe('2025-01-22');
  });

  it('GIVEN a yearless date earlier in the year THEN it is this year', () => {
    expect(resolveListingDate(1, 28, undefined, at('2026-11-22'))).toBe('2026-01-28');
  });

  it('GIVEN a yearless date later in the year THEN it is last year (never in the future)', () => {
    expect(resolveListingDate(12, 5, undefined, at('2026-11-22'))).toBe('2025-12-05');
  });

  it('GIVEN a yearless date that is today THEN it is today', () => {
    expect(resolveListingDate(11, 22, undefined, at('2026-11-22'))).toBe('2026-11-22');
  });

  it('GIVEN a yearless Feb 29 THEN it is the most recent leap day', () => {
    expect(resolveListingDate(2, 29, undefined, at('2026-11-22'))).toBe('2024-02-29');
  });

  it('GIVEN a day that does not exist THEN null', () => {
    expect(resolveListingDate(2, 30, 2025, at('2026-11-22'))).toBeNull();
  });
});
