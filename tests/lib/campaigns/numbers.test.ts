import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fractionToPercentText,
  numberToText,
  parseDecimal,
  parseFollowers,
  parsePercent,
  parseUsd,
  parseWhole,
} from '../../../lib/campaigns/numbers';

const value = (r: { ok: boolean; value?: number }) => (r.ok ? r.value : 'error');

describe('parsePercent', () => {
  it('reads a percentage as a fraction, with or without the % sign and with a decimal comma', () => {
    expect(value(parsePercent('2'))).toBe(0.02);
    expect(value(parsePercent('2.5%'))).toBe(0.025);
    expect(value(parsePercent(' 2,5 % '))).toBe(0.025);
    expect(value(parsePercent('0.54'))).toBe(0.0054);
    expect(value(parsePercent('100'))).toBe(1);
    expect(value(parsePercent('0'))).toBe(0);
  });

  it('leaves blank unset', () => {
    expect(parsePercent('  ')).toEqual({ ok: true, value: undefined });
  });

  it('refuses what is not a rate, in words', () => {
    for (const text of ['abc', '-1', '2..5', '1e2', '2 percent']) {
      const r = parsePercent(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/percentage/);
    }
    const over = parsePercent('150');
    expect(over).toEqual({ ok: false, error: 'A rate cannot be more than 100%.' });
  });

  it('shows a stored fraction as the percentage typed, without floating-point noise', () => {
    expect(fractionToPercentText(0.023)).toBe('2.3');
    expect(fractionToPercentText(0.02)).toBe('2');
    expect(fractionToPercentText(undefined)).toBe('');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        const text = String(hundredths / 100);
        const parsed = parsePercent(text);
        expect(parsed.ok && fractionToPercentText(parsed.value)).toBe(text);
      }),
    );
  });
});

describe('parseFollowers', () => {
  it('reads the ways marketers write follower counts', () => {
    expect(value(parseFollowers('10000'))).toBe(10_000);
    expect(value(parseFollowers('10,000'))).toBe(10_000);
    expect(value(parseFollowers('10.000'))).toBe(10_000);
    expect(value(parseFollowers('10 000'))).toBe(10_000);
    expect(value(parseFollowers("10'000"))).toBe(10_000);
    expect(value(parseFollowers('10K'))).toBe(10_000);
    expect(value(parseFollowers('1.5m'))).toBe(1_500_000);
    expect(value(parseFollowers('2,5k'))).toBe(2_500);
    expect(value(parseFollowers('1B'))).toBe(1_000_000_000);
    expect(value(parseFollowers('0'))).toBe(0);
  });

  it('leaves blank unset', () => {
    expect(parseFollowers('')).toEqual({ ok: true, value: undefined });
  });

  it('refuses label words, signs and fractions of a follower', () => {
    for (const text of ['10 apples', '-5', '1.5', '10kk', 'ten', '1e5', '10,00', '$100']) {
      expect(parseFollowers(text).ok, text).toBe(false);
    }
  });
});

describe('parseUsd', () => {
  it('reads dollar amounts with or without the sign, grouping or USD', () => {
    expect(value(parseUsd('500'))).toBe(500);
    expect(value(parseUsd('$1,200'))).toBe(1200);
    expect(value(parseUsd('1200.50 USD'))).toBe(1200.5);
    expect(value(parseUsd('US$ 80'))).toBe(80);
    expect(parseUsd('')).toEqual({ ok: true, value: undefined });
  });

  it('refuses negative and non-numeric amounts', () => {
    expect(parseUsd('-5')).toEqual({ ok: false, error: 'A budget cannot be negative.' });
    expect(parseUsd('$').ok).toBe(false);
    expect(parseUsd('five hundred').ok).toBe(false);
    expect(parseUsd('2e9').ok).toBe(false);
  });
});

describe('parseWhole and parseDecimal', () => {
  it('keep a number within its bounds and say which bound in words', () => {
    expect(value(parseWhole('12', 'The window', 1, 100))).toBe(12);
    expect(parseWhole('0', 'The window', 1, 100)).toEqual({
      ok: false,
      error: 'The window must be between 1 and 100.',
    });
    expect(parseWhole('1.5', 'The window', 1, 100).ok).toBe(false);
    expect(value(parseDecimal('12.5', 'A weight', 0, 100))).toBe(12.5);
    expect(value(parseDecimal('$14', 'A price', 0, 100))).toBe(14);
    expect(parseDecimal('101', 'A weight', 0, 100)).toEqual({
      ok: false,
      error: 'A weight must be between 0 and 100.',
    });
    expect(parseDecimal('-1', 'A weight', 0, 100)).toEqual({ ok: false, error: 'A weight cannot be negative.' });
  });

  it('numberToText writes plain digits that read back', () => {
    expect(numberToText(10_000)).toBe('10000');
    expect(numberToText(null)).toBe('');
    expect(numberToText(undefined)).toBe('');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(value(parseFollowers(numberToText(n)))).toBe(n);
      }),
    );
  });
});
