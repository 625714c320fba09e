import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCount, readCount, type CountReading } from '../../lib/count';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function fixture(file: string): string {
  return readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8');
}

function expectInRange(reading: CountReading | null, count: number): void {
  expect(reading, 'a reading').not.toBeNull();
  expect(reading?.min).toBeLessThanOrEqual(count);
  expect(reading?.max).toBeGreaterThanOrEqual(count);
}

/** Every language Intl knows (all two- and three-letter codes it supports), their likely full tags, and variants. */
function allLocales(): string[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const codes: string[] = [];
  for (const a of letters) for (const b of letters) for (const c of ['', ...letters]) codes.push(a + b + c);
  const languages = Intl.NumberFormat.supportedLocalesOf(codes);
  const variants = ['en-IN', 'en-GB', 'de-CH', 'de-AT', 'fr-CA', 'fr-CH', 'es-MX', 'es-419', 'pt-PT', 'zh-TW', 'zh-HK'];
  const more = ['ar-SA', 'ar-MA', 'bn-IN', 'sr-Latn', 'it-CH', 'nl-BE', 'ms-SG', 'hi-Latn', 'fa-AF', 'ur-IN'];
  return [
    ...new Set([
      ...languages,
      ...languages.map((l) => new Intl.Locale(l).maximize().toString()),
      ...Intl.NumberFormat.supportedLocalesOf([...variants, ...more]),
    ]),
  ];
}

const LOCALES = allLocales();

/** How sites format counts: plain, ungrouped, CLDR compact (rounds), YouTube-like 3 digits truncated, 2 decimals. */
const FORMATS: Intl.NumberFormatOptions[] = [
  {},
  { useGrouping: false },
  { notation: 'compact' },
  { notation: 'compact', compactDisplay: 'long' },
  { notation: 'compact', maximumSignificantDigits: 3, roundingMode: 'trunc' },
  { notation: 'compact', maximumFractionDigits: 2 },
  { notation: 'compact', maximumFractionDigits: 1, roundingMode: 'floor' },
];

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${FORMATS.indexOf(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/**
 * Formats `count` with Intl and reads it back: a compact form must read as an abbreviation whose range holds the
 * count; a plain form showing the count itself must read exactly. Returns what went wrong, or null. Skipped, by
 * design: forms with no digit at all (French "mille") and plain forms Intl has rounded (nothing shows rounding).
 */
function intlRoundTrip(locale: string, count: number, options: Intl.NumberFormatOptions): string | null {
  const format = formatter(locale, options);
  const text = format.format(count);
  if (!/\p{Nd}/u.test(text)) return null;
  const parts = format.formatToParts(count);
  const r = readCount(text, locale);
  const where = `${locale} ${JSON.stringify(options)} ${count} → ${JSON.stringify(text)} → ${JSON.stringify(r)}`;
  if (parts.some((p) => p.type === 'compact')) {
    return r && !r.exact && r.min <= count && count <= r.max ? null : where;
  }
  const integers = (p: Intl.NumberFormatPart[]) => p.filter((x) => x.type === 'integer').map((x) => x.value);
  const unrounded = formatter(locale, FORMATS[1] ?? {}).formatToParts(count);
  if (integers(parts).join('') !== integers(unrounded).join('')) return null;
  return r && r.exact && r.value === count && r.min === count && r.max === count ? null : where;
}

describe('counts from saved pages (tests/fixtures)', () => {
  // Each text is checked to occur verbatim in its saved page; `truth` is the exact count the same page also holds.
  const cases: { file: string; lang: string; text: string; value: number; exact: boolean; truth?: number }[] = [
    { file: 'tiktok/profile-illojuan.html', lang: 'en', text: '783.4K', value: 783_400, exact: false, truth: 783_427 },
    {
      file: 'tiktok/profile-illojuan.html',
      lang: 'en',
      text: '3.9M',
      value: 3_900_000,
      exact: false,
      truth: 3_922_256,
    },
    { file: 'tiktok/profile-illojuan.html', lang: 'en', text: '192.1K', value: 192_100, exact: false },
    { file: 'tiktok/video-7571863205253778710.html', lang: 'en', text: '25.5K', value: 25_500, exact: false },
    { file: 'tiktok/video-7571863205253778710.html', lang: 'en', text: '2156', value: 2156, exact: true },
    { file: 'instagram/profile-pluto__travel.html', lang: 'en', text: '2,362 Followers', value: 2362, exact: true },
    { file: 'instagram/post-CPQjO5RIIO9.html', lang: 'en', text: '990K likes', value: 990_000, exact: false },
    { file: 'instagram/post-CPQjO5RIIO9.html', lang: 'en', text: '8,873 comments', value: 8873, exact: true },
    { file: 'x/profile-kikobeats.html', lang: 'en', text: '3,893', value: 3893, exact: true },
    {
      file: 'youtube/channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html',
      lang: 'en',
      text: '1.65M subscribers',
      value: 1_650_000,
      exact: false,
    },
    {
      file: 'youtube/channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html',
      lang: 'en',
      text: '3.3K',
      value: 3300,
      exact: false,
    },
    {
      file: 'youtube/channel-videos-en-UCs6nmQViDpUw0nuIx9c_WvA.html',
      lang: 'en',
      text: '957 views',
      value: 957,
      exact: true,
    },
    {
      file: 'youtube/channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html',
      lang: 'en',
      text: '68K views',
      value: 68_000,
      exact: false,
      truth: 68_828,
    },
    {
      file: 'youtube/channel-live-en-UCoLrcjPV5PbUrUyXq5mjc_A.html',
      lang: 'en',
      text: '287K',
      value: 287_000,
      exact: false,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: `4,69${NBSP}M de suscriptores`,
      value: 4_690_000,
      exact: false,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: '4,69 millones de suscriptores',
      value: 4_690_000,
      exact: false,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: `127${NBSP}K visualizaciones`,
      value: 127_000,
      exact: false,
      truth: 127_696,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: '127 mil visualizaciones',
      value: 127_000,
      exact: false,
      truth: 127_696,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: '127.696 visualizaciones',
      value: 127_696,
      exact: true,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: `6,8${NBSP}K`,
      value: 6800,
      exact: false,
    },
    {
      file: 'youtube/watch-es-hwMkbaS_M_c.html',
      lang: 'es-ES',
      text: `7,5${NBSP}M de visualizaciones`,
      value: 7_500_000,
      exact: false,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: '1,7 mil visualizaciones',
      value: 1700,
      exact: false,
    },
    {
      file: 'youtube/channel-es-UCzcRQ3vRNr6fJ1A9rqFn7QA.html',
      lang: 'es-ES',
      text: '1.000.792 visualizaciones',
      value: 1_000_792,
      exact: true,
    },
    {
      file: 'youtube/watch-es-hwMkbaS_M_c.html',
      lang: 'es-ES',
      text: '1.077.715 visualizaciones',
      value: 1_077_715,
      exact: true,
    },
    {
      file: 'youtube/watch-es-hwMkbaS_M_c.html',
      lang: 'es-ES',
      text: '110 millones de visualizaciones',
      value: 110_000_000,
      exact: false,
    },
    {
      file: 'youtube/watch-es-hwMkbaS_M_c.html',
      lang: 'es-ES',
      text: '45.873 visualizaciones',
      value: 45_873,
      exact: true,
    },
  ];

  it.each(cases)('$file: "$text" ($lang)', ({ file, lang, text, value, exact, truth }) => {
    expect(fixture(file)).toContain(text);
    const reading = readCount(text, lang);
    expect(reading?.value).toBe(value);
    expect(reading?.exact).toBe(exact);
    expect(parseCount(text, lang)).toBe(value);
    if (exact) expect(reading).toEqual({ value, exact, min: value, max: value });
    if (truth !== undefined) expectInRange(reading, truth);
  });

  it('refuses a label holding several counts, but reads each of its parts', () => {
    const label = '10 replies, 1 repost, 27 likes, 5 bookmarks, 11424 views';
    expect(fixture('x/profile-kikobeats.html')).toContain(label);
    expect(parseCount(label, 'en')).toBeNull();
    expect(label.split(', ').map((part) => parseCount(part, 'en'))).toEqual([10, 1, 27, 5, 11_424]);

    const meta = '152K likes, 784 comments - jaimelorentelo on April 19, 2021';
    expect(fixture('instagram/reel-CN2VQ1yI_MA.html')).toContain(meta);
    expect(parseCount(meta, 'en')).toBeNull();
  });
});

describe('counts in other languages', () => {
  // Not from saved pages: written the way YouTube, Instagram, TikTok and X show counts in each language.
  const cases: [lang: string, text: string, value: number][] = [
    ['fr', `1,2${NBSP}k vues`, 1200],
    ['fr-FR', `4,69${NBSP}M d’abonnés`, 4_690_000],
    ['fr', `12${NNBSP}345 vues`, 12_345],
    ['fr-CA', `1,2${NBSP}k abonnés`, 1200],
    ['de', '1,2 Mio. Abonnenten', 1_200_000],
    ['de', '12.345 Aufrufe', 12_345],
    ['de', '12,3 Tsd. Follower', 12_300],
    ['de-CH', '12’345 Aufrufe', 12_345],
    ['pt-BR', '1,2 mil visualizações', 1200],
    ['pt-BR', '4,69 mi de inscritos', 4_690_000],
    ['it', '1,2 Mln di visualizzazioni', 1_200_000],
    ['it', '12.345 visualizzazioni', 12_345],
    ['es-MX', '12,3 mil seguidores', 12_300],
    ['es', '1,2 mill. seguidores', 1_200_000],
    ['es', '1,2 mil M de visualizaciones', 1_200_000_000],
    ['ru', `12,3${NBSP}тыс. подписчиков`, 12_300],
    ['ru', '1,2 млн просмотров', 1_200_000],
    ['ru', `1${NBSP}234${NBSP}567 просмотров`, 1_234_567],
    ['uk', '1,2 тис. переглядів', 1200],
    ['pl', '12 tys. obserwujących', 12_000],
    ['cs', '4,69 mil. odběratelů', 4_690_000],
    ['tr', '4,69 Mn abone', 4_690_000],
    ['tr', '1,2 B görüntüleme', 1200],
    ['nl', '1,2 mln. weergaven', 1_200_000],
    ['sv', '1,2 tn visningar', 1200],
    ['el', '4,69 εκ. συνδρομητές', 4_690_000],
    ['hu', '1,2 E megtekintés', 1200],
    ['ro', '1,2 mii de vizionări', 1200],
    ['ja', 'チャンネル登録者数 123万人', 1_230_000],
    ['ja', '1.2万 回視聴', 12_000],
    ['zh-CN', '2.3万次观看', 23_000],
    ['zh-TW', '2.3萬 次觀看', 23_000],
    ['zh-CN', '123次观看', 123],
    ['ko', '구독자 123명', 123],
    ['ko', '구독자 12.3만명', 123_000],
    ['ko', '조회수 1.2천회', 1200],
    ['hi', '1.2 लाख सब्सक्राइबर', 120_000],
    ['hi', '12 हज़ार व्यूज़', 12_000],
    ['hi', '12 हजार व्यूज़', 12_000],
    ['hi', '1.2 करोड़ व्यूज़', 12_000_000],
    ['hi', '12,34,567 व्यूज़', 1_234_567],
    ['en-IN', '1.2L views', 120_000],
    ['en-IN', '1.2 crore views', 12_000_000],
    ['en', '4.69 lakh subscribers', 469_000],
    ['ar', '1.2 ألف مشاهدة', 1200],
    ['ar-EG', '١٫٢ ألف مشاهدة', 1200],
    ['ar-EG', '١٬٢٣٤ مشاهدة', 1234],
    ['fa', '۴٫۶۹ میلیون مشترک', 4_690_000],
    ['he', '\u200f1.2K צפיות', 1200],
    ['he', '4.69 מיליון מנויים', 4_690_000],
    ['id', '1,2 rb x ditonton', 1200],
    ['id', '4,69 jt subscriber', 4_690_000],
    ['vi', '1,2 N lượt xem', 1200],
    ['vi', '4,69 Tr người đăng ký', 4_690_000],
    ['th', 'ผู้ติดตาม 1.2 ล้าน คน', 1_200_000],
    ['th', 'การดู 1.2 แสน ครั้ง', 120_000],
    ['bn', '১.২ হাজার বার দেখা হয়েছে', 1200],
    ['sw', 'elfu 1.5', 1500],
    ['mr', '१.२ लाख', 120_000],
    ['ja', '１２３ 回視聴', 123],
  ];

  it('covers at least 20 languages', () => {
    expect(new Set(cases.map(([lang]) => lang.split('-')[0])).size).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: "%s" → %d', (lang, text, value) => {
    expect(parseCount(text, lang)).toBe(value);
  });
});

describe('the page language settles ambiguous separators', () => {
  it.each([
    ['1.234', 'en', null],
    ['1.234', 'de', 1234],
    ['1.234', 'es-ES', 1234],
    ['1,234', 'en', 1234],
    ['1,234', 'de', null],
    ['1,2', 'de', null],
    ['1,5', 'en', null],
    ['1.5', 'en', null],
    ['12.0', 'en', null],
    // A lone separator before other than three digits can only be a decimal mark, whatever the language says.
    ['1,5K', 'en', 1500],
    ['783.4K', 'de', 783_400],
    // With three digits after it, the language decides.
    ['1,500K', 'en', 1_500_000],
    ['1,500 Mio.', 'de', 1_500_000],
    // A repeated separator can only group; mixed separators describe themselves.
    ['1.077.715', 'en', 1_077_715],
    ['1,234,567', 'de', 1_234_567],
    ['1,234.5K', 'en', 1_234_500],
    ['1.234,5K', 'en', 1_234_500],
    ['1,234.5', 'en', null],
    // Spaces group only where the language groups with spaces; elsewhere they separate two numbers.
    ['1 234', 'fr', 1234],
    ['1 234', 'en', null],
    ["1'234'567", 'de-CH', 1_234_567],
    ['1,23,456', 'en', 123_456],
    ['12,34', 'en', null],
  ])('"%s" in %s → %s', (text, lang, value) => {
    expect(parseCount(text, lang)).toBe(value);
  });

  it('takes the English meaning of a suffix written the English way', () => {
    // Turkish "B" is bin (thousand) in CLDR, Indonesian "M" miliar (billion); TikTok writes English "1.2B", "1.2M".
    expect(parseCount('1,2 B', 'tr')).toBe(1200);
    expect(parseCount('1.2B', 'tr')).toBe(1_200_000_000);
    expect(parseCount('1,2 M', 'id')).toBe(1_200_000_000);
    expect(parseCount('1.2M', 'id')).toBe(1_200_000);
  });

  it('falls back to English for a language the browser does not know, or no language', () => {
    for (const lang of ['xx', 'not a language', '', 'en_US', 'EN-us', 'zz-ZZ']) {
      expect(parseCount('1,234', lang)).toBe(1234);
      expect(parseCount('1.2K', lang)).toBe(1200);
    }
    expect(parseCount('1,234')).toBe(1234);
  });

  it('keeps the case CLDR relies on, and ignores it otherwise', () => {
    // Tongan writes 1e4 "m" (mano), 1e6 "M" (miliona).
    expect(parseCount('1m', 'to')).toBe(10_000);
    expect(parseCount('1M', 'to')).toBe(1_000_000);
    expect(parseCount('1.2k', 'en')).toBe(1200);
    expect(parseCount('1.2m', 'en')).toBe(1_200_000);
    expect(parseCount('1,2 MIO.', 'de')).toBe(1_200_000);
  });
});

describe('ranges', () => {
  it('covers rounding and truncation for an abbreviated count', () => {
    expect(readCount('16.4K', 'en')).toEqual({ value: 16_400, exact: false, min: 16_350, max: 16_499 });
    expect(readCount('1.65M', 'en')).toEqual({ value: 1_650_000, exact: false, min: 1_645_000, max: 1_659_999 });
    expect(readCount('2M', 'en')).toEqual({ value: 2_000_000, exact: false, min: 1_500_000, max: 2_999_999 });
    expect(readCount('12,3 тыс.', 'ru')).toEqual({ value: 12_300, exact: false, min: 12_250, max: 12_399 });
    expect(readCount('0K', 'en')).toEqual({ value: 0, exact: false, min: 0, max: 999 });
  });

  it('gives an exact count a range of one', () => {
    expect(readCount('3,893', 'en')).toEqual({ value: 3893, exact: true, min: 3893, max: 3893 });
    expect(readCount('0', 'en')).toEqual({ value: 0, exact: true, min: 0, max: 0 });
  });

  it('does not take trailing zeros past three digits as significant', () => {
    // Intl writes 1,234,567,890 as "1230 M" in Spanish with three significant digits.
    expectInRange(readCount('1230 M', 'es'), 1_234_567_890);
  });

  it('spans both meanings when CLDR gives one spelling two', () => {
    // Nepali करोड is 1e7 in CLDR's short form and 1e6 in its long form.
    const reading = readCount('१ करोड', 'ne');
    expectInRange(reading, 1_000_000);
    expectInRange(reading, 10_000_000);
  });

  it('matches what YouTube shows against the exact counts it also holds', () => {
    // YouTube truncates to three significant digits; a site that rounds would show 16.5K for 16,450.
    expectInRange(readCount('16.4K', 'en'), 16_499);
    expectInRange(readCount('16.4K', 'en'), 16_350);
    expect(readCount('16.4K', 'en')?.max).toBeLessThan(16_500);
    expect(readCount('16.4K', 'en')?.min).toBeGreaterThan(16_349);
  });
});

describe('what is not a count', () => {
  it.each([
    '',
    '   ',
    'followers',
    'NaN',
    'Infinity',
    '-5',
    '−1.2K',
    '5%',
    '12 %',
    '12,5 %',
    '$5',
    '5 €',
    '#1',
    '1.2.3',
    '1.2.3K',
    '1..2',
    '1,,234',
    '.5K',
    'mp3',
    'user123',
    '3rd',
    '1K5',
    '0x1F',
    '1e6',
    '12:30',
    '1/2',
    '1-5',
    '007',
    '1 234',
    '1234567890123456789',
    '99999999999T',
    '1.2345K',
    'mille',
  ])('"%s" → null', (text) => {
    expect(readCount(text, 'en')).toBeNull();
    expect(parseCount(text, 'en')).toBeNull();
  });

  it('never throws on what is not a string', () => {
    expect(readCount(undefined as unknown as string)).toBeNull();
    expect(readCount(123 as unknown as string)).toBeNull();
    expect(readCount('1.2K', null as unknown as string)?.value).toBe(1200);
  });
});

describe('properties', () => {
  it('reads back what Intl formats, in every locale it supports, within the stated range', () => {
    expect(LOCALES.length).toBeGreaterThan(200);
    const counts = [0, 7, 999, 1049, 1500, 16_449, 123_456, 1_234_567, 98_765_432, 1_234_567_890, 9_876_543_210_987];
    const failures: string[] = [];
    for (const locale of LOCALES) {
      for (const options of FORMATS) {
        for (const count of counts) failures.push(intlRoundTrip(locale, count, options) ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
  }, 120_000);

  it('reads back random counts Intl formats in random locales', () => {
    const count = fc.oneof(
      fc.integer({ min: 0, max: 100_000 }),
      fc.integer({ min: 0, max: 1_000_000_000 }),
      // Up to a quadrillion: far past any real count, short of where a rounded display leaves the safe integers.
      fc.integer({ min: 0, max: 1e15 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...LOCALES), count, fc.constantFrom(...FORMATS), (locale, n, options) => {
        expect(intlRoundTrip(locale, n, options)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('refuses negative and fractional numbers Intl formats, in every locale', () => {
    for (const locale of LOCALES) {
      for (const n of [5, 1234, 1_234_567]) {
        expect(readCount(new Intl.NumberFormat(locale).format(-n), locale), locale).toBeNull();
        expect(readCount(new Intl.NumberFormat(locale, { notation: 'compact' }).format(-n), locale), locale).toBeNull();
        const fraction = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).format(n + 0.5);
        expect(readCount(fraction, locale), `${locale} ${fraction}`).toBeNull();
      }
    }
  }, 120_000);

  it('never yields a number from text without digits', () => {
    const noDigits = fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => s.replace(/\p{Nd}/gu, ''));
    fc.assert(
      fc.property(noDigits, fc.constantFrom(...LOCALES), (text, locale) => readCount(text, locale) === null),
      { numRuns: 2000 },
    );
  });

  it('never throws and only returns sound readings for any text and any language', () => {
    const alphabet = fc.constantFrom(..."0123456789 .,'’-+%$KkMmBb万千тыс.٫٬١٢۳\u00a0\u202fabc".split(''));
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: alphabet, maxLength: 30 }));
    fc.assert(
      fc.property(text, fc.oneof(fc.constantFrom(...LOCALES), fc.string()), (t, lang) => {
        const r = readCount(t, lang);
        if (r === null) return true;
        const values = [r.value, r.min, r.max];
        return (
          values.every((v) => Number.isSafeInteger(v) && v >= 0) &&
          r.min <= r.value &&
          r.value <= r.max &&
          (!r.exact || (r.min === r.value && r.max === r.value)) &&
          parseCount(t, lang) === r.value
        );
      }),
      { numRuns: 5000 },
    );
  }, 120_000);
});

describe('cost', () => {
  const Original = Intl.NumberFormat;
  afterEach(() => {
    Intl.NumberFormat = Original;
  });

  it('builds the suffix table once per language', () => {
    let made = 0;
    Intl.NumberFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made++;
        return new target(...args);
      },
    });
    // A tag no other test uses, so its table is not built yet.
    expect(parseCount('1,2 Mio.', 'de-AT-x-cache')).toBe(1_200_000);
    expect(made).toBeGreaterThan(0);
    const first = made;
    for (let i = 0; i < 100; i++) parseCount(`${i},5 Mio. Abonnenten`, 'de-AT-x-cache');
    expect(made).toBe(first);
  });

  it('handles 10 MB texts and pathological ones quickly', () => {
    const huge = `${'1,'.repeat(5_000_000)}5`;
    const hostile = [
      '1,'.repeat(99) + '1',
      '1 '.repeat(99),
      `${'9'.repeat(150)}K`,
      'k'.repeat(199) + '1',
      ' '.repeat(1e7),
    ];
    const start = performance.now();
    expect(readCount(huge, 'en')).toBeNull();
    expect(readCount(`1.2K${' '.repeat(10_000_000)}`, 'en')).toBeNull();
    for (const text of hostile) for (let i = 0; i < 100; i++) readCount(text, 'fr');
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
