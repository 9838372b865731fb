import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { resolveDate } from './date.js';

describe('resolveDate', () => {
  it('reads SOURCE_DATE_EPOCH as seconds', () => {
    expect(resolveDate({ SOURCE_DATE_EPOCH: '1767225600' }).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses what is not a date up to the year 9999 as a usage error, instead of an invalid date that crashes later', () => {
    for (const epoch of ['-5', '1.5', 'tomorrow', '99999999999999', '253402300800']) expect(() => resolveDate({ SOURCE_DATE_EPOCH: epoch })).toThrow(UsageError);
    expect(resolveDate({ SOURCE_DATE_EPOCH: '253402300799' }).getUTCFullYear()).toBe(9999);
  });
});
