import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creatorKey, entryKey, isBoundedJson, normaliseTags, LIMITS } from '../../../lib/store/schema';
import { stableStringify, withoutNegativeZero } from '../../../lib/store/stable-json';
import { isValidHandle, parseProfileInput, profileUrlFor } from '../../../lib/store/profile-url';

describe('keys', () => {
  it('keys creators by platform and lower-cased handle, entries by campaign and creator', () => {
    expect(creatorKey('instagram', 'Pluto__Travel')).toBe('instagram:pluto__travel');
    expect(entryKey('c1', 'x:jack')).toBe('c1|x:jack');
  });
});

describe('normaliseTags', () => {
  it('trims, folds spaces, drops empties and repeats (ignoring case), keeping the first spelling', () => {
    expect(normaliseTags(['  VIP ', 'vip', '', '   ', 'travel   blogger', 'Travel blogger', '旅'])).toEqual([
      'VIP',
      'travel blogger',
      '旅',
    ]);
  });

  it('caps length and count without splitting an emoji', () => {
    const long = `${'a'.repeat(LIMITS.tag - 1)}😀tail`;
    expect(normaliseTags([long])).toEqual(['a'.repeat(LIMITS.tag - 1)]);
    expect(normaliseTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(LIMITS.tags);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (tags) => {
        expect(normaliseTags(normaliseTags(tags))).toEqual(normaliseTags(tags));
      }),
    );
  });
});

/** Whether any object inside `value` has an own key `__proto__`. */
function hasProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((key) => key === '__proto__' || hasProtoKey((value as Record<string, unknown>)[key]));
}

describe('isBoundedJson', () => {
  it('accepts plain JSON data', () => {
    expect(isBoundedJson({ a: [1, 'x', null, true, { b: -2.5 }] })).toBe(true);
    expect(isBoundedJson(Object.assign(Object.create(null) as object, { a: 1 }))).toBe(true);
    expect(isBoundedJson([{ '': '__proto__' }])).toBe(true);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        // Only a `__proto__` key is refused; the same word as a string value is plain data.
        expect(isBoundedJson(value)).toBe(!hasProtoKey(value));
      }),
    );
  });

  it('refuses what JSON would change or drop, and what is too big or deep', () => {
    const sparse: unknown[] = [];
    sparse[2] = 1;
    const refused: unknown[] = [
      Number.NaN,
      Infinity,
      undefined,
      () => 1,
      new Date(0),
      new Map(),
      sparse,
      { a: 1n },
      JSON.parse('{"__proto__": 1}'),
      JSON.parse('['.repeat(LIMITS.assessmentDepth + 2) + ']'.repeat(LIMITS.assessmentDepth + 2)),
      'x'.repeat(LIMITS.assessmentChars),
    ];
    for (const value of refused) expect(isBoundedJson(value)).toBe(false);
    expect(isBoundedJson(JSON.parse('['.repeat(LIMITS.assessmentDepth) + ']'.repeat(LIMITS.assessmentDepth)))).toBe(
      true,
    );
  });
});

describe('stableStringify', () => {
  it('sorts keys at every level and leaves out undefined', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: undefined, x: 2 }], c: 'é' } })).toBe(
      '{"a":{"c":"é","d":[{"x":2,"z":1}]},"b":1}',
    );
  });

  it('gives equal text for equal values whatever their key order, and parses back to them', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const reordered = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as unknown;
        expect(stableStringify(reordered)).toBe(stableStringify(value));
        expect(JSON.parse(stableStringify(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('turns -0 into 0 everywhere so JSON round trips are exact', () => {
    const cleaned = withoutNegativeZero({ a: -0, b: [-0, 1], c: { d: -0 } });
    expect(Object.is(cleaned.a, 0)).toBe(true);
    expect(Object.is(cleaned.b[0], 0)).toBe(true);
    expect(Object.is(cleaned.c.d, 0)).toBe(true);
  });
});

describe('profile URLs', () => {
  it('builds canonical profile addresses', () => {
    expect(profileUrlFor('instagram', 'ana')).toBe('https://www.instagram.com/ana/');
    expect(profileUrlFor('tiktok', 'ana')).toBe('https://www.tiktok.com/@ana');
    expect(profileUrlFor('youtube', 'ana')).toBe('https://www.youtube.com/@ana');
    expect(profileUrlFor('youtube', 'UCzcRQ3vRNr6fJ1A9rqFn7QA')).toBe(
      'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
    );
    expect(profileUrlFor('x', 'ana')).toBe('https://x.com/ana');
  });

  it('checks handle characters per platform', () => {
    expect(isValidHandle('instagram', 'a.b_c')).toBe(true);
    expect(isValidHandle('instagram', 'a-b')).toBe(false);
    expect(isValidHandle('x', 'a.b')).toBe(false);
    expect(isValidHandle('youtube', 'José-Peña')).toBe(true);
    expect(isValidHandle('tiktok', '')).toBe(false);
    expect(parseProfileInput('@ana', 'x')).toEqual({ ok: true, profile: { platform: 'x', handle: 'ana' } });
    expect(parseProfileInput('ftp://x.com/ana')).toMatchObject({ ok: false });
  });
});
