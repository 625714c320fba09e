/** How the shortlist page writes rates and prices: short enough for the table's columns, and lined up in them. */
import { describe, expect, it } from 'vitest';
import { engagementText, priceText } from '../../../components/shortlist/format';

describe('priceText', () => {
  it('writes the range exactly, or one end alone, or nothing', () => {
    expect(priceText({ priceMin: 48_242, priceMax: 96_484 })).toBe('$48,242–$96,484');
    expect(priceText({ priceMin: 250, priceMax: 250 })).toBe('$250');
    expect(priceText({ priceMin: 1_200 })).toBe('from $1,200');
    expect(priceText({ priceMax: 900 })).toBe('up to $900');
    expect(priceText({})).toBeUndefined();
  });

  it('shortens amounts from $1,000 up to two significant digits for the table, and leaves smaller ones exact', () => {
    expect(priceText({ priceMin: 109, priceMax: 218 }, { short: true })).toBe('$109–$218');
    expect(priceText({ priceMin: 999, priceMax: 1_998 }, { short: true })).toBe('$999–$2K');
    expect(priceText({ priceMin: 3_051, priceMax: 6_102 }, { short: true })).toBe('$3.1K–$6.1K');
    expect(priceText({ priceMin: 48_242, priceMax: 96_484 }, { short: true })).toBe('$48K–$96K');
    expect(priceText({ priceMin: 1_234_567, priceMax: 2_469_134 }, { short: true })).toBe('$1.2M–$2.5M');
    expect(priceText({ priceMin: 40_193 }, { short: true })).toBe('from $40K');
  });
});

describe('engagementText', () => {
  it('writes two decimals always, so that a column of rates lines up', () => {
    expect(engagementText(0.039)).toBe('3.90%');
    expect(engagementText(0.0311)).toBe('3.11%');
    expect(engagementText(0.12345)).toBe('12.35%');
    expect(engagementText(undefined)).toBeUndefined();
  });
});
