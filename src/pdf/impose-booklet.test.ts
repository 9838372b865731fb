import { describe, expect, it } from 'vitest';
import { bookletSides } from './impose-booklet.js';

/** Pages as a printer's dummy shows them, 1-based, "-" for a blank. */
const dummy = (count: number) => bookletSides(count).map(([left, right]) => `${left === null ? '-' : left + 1}|${right === null ? '-' : right + 1}`);

describe('booklet order', () => {
  it('puts 8 pages on two sheets so that the folded stack reads 1 to 8', () => {
    expect(dummy(8)).toEqual(['8|1', '2|7', '6|3', '4|5']);
  });

  it('pads 6 pages with blanks at the end of the booklet', () => {
    expect(dummy(6)).toEqual(['-|1', '2|-', '6|3', '4|5']);
  });

  it('prints every page exactly once, for any length', () => {
    for (let count = 1; count <= 40; count++) {
      const printed = bookletSides(count).flat().filter((page) => page !== null).sort((a, b) => a! - b!);
      expect(printed).toEqual([...Array(count).keys()]);
      expect(bookletSides(count).length % 2).toBe(0);
    }
  });
});
