// Local dates and times in IANA zones, including the days the clocks change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, isValidZone, localDate, parseTimeOfDay, zonedInstant } from '../../src/digest/zoned-time.js';

describe('zoned time', () => {
  it('GIVEN an ordinary day THEN 09:00 Berlin is 08:00 UTC in winter and 07:00 in summer', () => {
    expect(zonedInstant('2026-01-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-07-15T07:00:00.000Z');
    expect(zonedInstant('2026-07-15', '09:00', 'UTC').toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('GIVEN the spring-forward day WHEN 02:30 does not exist THEN it lands just after the gap, that same day', () => {
    const at = zonedInstant('2026-03-29', '02:30', 'Europe/Berlin');
    expect(at.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(localDate(at, 'Europe/Berlin')).toBe('2026-03-29');
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
  });

  it('GIVEN the fall-back day WHEN 01:30 happens twice THEN the first one', () => {
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT
    expect(zonedInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST
  });

  it('GIVEN any day and time in several zones THEN the instant reads back as that local date', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(...zones), (day, h, m, zone) => {
        const date = addDays('2024-01-01', day);
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(localDate(zonedInstant(date, time, zone), zone)).toBe(date);
      }),
    );
  });

  it('GIVEN zone and time text THEN valid ones are recognised', () => {
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(parseTimeOfDay('9:05')).toBe('09:05');
    expect(parseTimeOfDay('24:00')).toBeNull();
    expect(parseTimeOfDay('noon')).toBeNull();
  });
});
