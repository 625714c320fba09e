import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToList, listToText, parseList, splitList } from '../../../lib/campaigns/lists';

describe('splitList', () => {
  it('splits on commas, semicolons and new lines, trimming and folding white space', () => {
    expect(splitList(' travel,food ;  street   food\nbeach\r\n')).toEqual(['travel', 'food', 'street food', 'beach']);
  });

  it('drops empty items', () => {
    expect(splitList(', ,\n;')).toEqual([]);
    expect(splitList('')).toEqual([]);
  });
});

describe('addToList', () => {
  it('appends new items and skips ones already there, ignoring case, keeping the first spelling', () => {
    expect(addToList(['Travel'], 'travel, Food, food, FOOD, beach')).toEqual(['Travel', 'Food', 'beach']);
  });

  it('does not change the list it was given', () => {
    const list = ['a'];
    addToList(list, 'b');
    expect(list).toEqual(['a']);
  });
});

describe('parseList and listToText', () => {
  it('reads back what it writes', () => {
    const item = fc
      .string({ minLength: 1, maxLength: 12 })
      .map((s) =>
        s
          .replace(/[,;\n\r]/g, 'x')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter((s) => s !== '');
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (s) => s.toLowerCase(), maxLength: 8 }), (items) => {
        expect(parseList(listToText(items))).toEqual(items);
      }),
    );
  });
});
