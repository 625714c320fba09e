import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import {
  CSV_COLUMNS,
  FORMULA_START,
  UTF8_BOM,
  csvCell,
  exportCsv,
  isoTime,
  parseProfileList,
} from '../../../lib/store/csv';
import type { ShortlistRow } from '../../../lib/store/repo';
import { creatorKey } from '../../../lib/store/schema';
import { profileUrlFor } from '../../../lib/store/profile-url';
import type { Platform } from '../../../lib/reading';
import { campaign } from './helpers';

function row(overrides: {
  platform?: Platform;
  handle?: string;
  displayName?: string;
  notes?: string;
  tags?: string[];
  summary?: ShortlistRow['creator']['summary'];
  campaignName?: string;
}): ShortlistRow {
  const platform = overrides.platform ?? 'instagram';
  const handle = overrides.handle ?? 'ana';
  const key = creatorKey(platform, handle);
  return {
    creator: {
      key,
      platform,
      handle,
      ...(overrides.displayName !== undefined ? { displayName: overrides.displayName } : {}),
      profileUrl: profileUrlFor(platform, handle),
      firstSeen: Date.UTC(2024, 0, 2, 3, 4, 5),
      lastSeen: Date.UTC(2024, 5, 6, 7, 8, 9),
      summary: overrides.summary ?? {},
    },
    entry: {
      key: `c1|${key}`,
      campaignId: 'c1',
      creatorKey: key,
      status: 'prospect',
      notes: overrides.notes ?? '',
      tags: overrides.tags ?? [],
      addedAt: 0,
      updatedAt: 0,
    },
    campaign: campaign('c1', { name: overrides.campaignName ?? 'Spring' }),
  };
}

/** Parses exported CSV back as a spreadsheet would, checking the BOM is there and removing it. */
function parseBack(csv: string): string[][] {
  expect(csv.startsWith(UTF8_BOM)).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true, delimiter: ',' });
  expect(result.errors).toEqual([]);
  return result.data;
}

const HEADERS = [
  'Platform',
  'Handle',
  'Display name',
  'Profile URL',
  'Followers',
  'Followers exact',
  'Engagement rate (%)',
  'Tier',
  'Fit score',
  'Price min (USD)',
  'Price max (USD)',
  'Status',
  'Tags',
  'Notes',
  'Campaign',
  'First seen',
  'Last seen',
];

describe('exportCsv', () => {
  it('writes the documented columns with a BOM, CRLF line ends and numbers as plain numbers', () => {
    const csv = exportCsv([
      row({
        displayName: 'Ana',
        tags: ['VIP', 'food'],
        summary: {
          followers: { value: 1_234_567, exact: false },
          engagementRate: 0.02345,
          tier: 'mid',
          fitScore: 81.256,
          priceMin: 1500,
          priceMax: 2500.5,
        },
      }),
    ]);
    expect(csv.split('\r\n')).toEqual([
      `${UTF8_BOM}${HEADERS.join(',')}`,
      'instagram,ana,Ana,https://www.instagram.com/ana/,1234567,false,2.345,mid,81.26,1500,2500.5,prospect,VIP; food,,Spring,2024-01-02T03:04:05.000Z,2024-06-06T07:08:09.000Z',
      '',
    ]);
    expect(CSV_COLUMNS.map((c) => c.header)).toEqual(HEADERS);
  });

  it('leaves empty cells for values that are not known, never 0', () => {
    const [, data] = parseBack(exportCsv([row({})]));
    const cell = (header: string) => data?.[HEADERS.indexOf(header)];
    for (const header of ['Followers', 'Followers exact', 'Engagement rate (%)', 'Fit score', 'Price min (USD)']) {
      expect(cell(header)).toBe('');
    }
  });

  it('rounds rates so float noise does not reach the sheet', () => {
    const [, data] = parseBack(exportCsv([row({ summary: { engagementRate: 0.035 } })], ['engagementRatePct']));
    // 0.035 * 100 is 3.5000000000000004 in floating point.
    expect(data).toEqual(['3.5']);
  });

  it('quotes commas, quotes, line breaks and keeps accents, CJK and emoji intact', () => {
    const tricky = [
      'Comma, inside',
      'Quote "inside"',
      'Line\nbreak',
      'CRLF\r\nbreak',
      'José Peña — Ñandú',
      '東京の旅 🍣',
      '  padded  ',
      'Ünïcödé ß',
    ];
    const rows = tricky.map((text, i) => row({ handle: `h${i}`, displayName: text, notes: text }));
    const parsed = parseBack(exportCsv(rows, ['handle', 'displayName', 'notes']));
    expect(parsed.slice(1)).toEqual(tricky.map((text, i) => [`h${i}`, text, text]));
  });

  it('neutralises cells that would start a formula, and keeps negative numbers as numbers', () => {
    const attacks = [
      '=HYPERLINK("http://evil.example","click")',
      '+cmd|" /C calc"!A0',
      '-2+3',
      '@SUM(1+1)',
      '\t=1+1',
      '\r=1+1',
      '=1+1\nsecond line',
    ];
    const rows = attacks.map((text) =>
      row({ displayName: text, notes: text, tags: [text.trim() || 'x'], summary: { fitScore: -5 } }),
    );
    const csv = exportCsv(rows, ['displayName', 'notes', 'fitScore']);
    const parsed = parseBack(csv);
    for (const [i, text] of attacks.entries()) {
      expect(parsed[i + 1]).toEqual([`'${text}`, `'${text}`, '-5']);
    }
    // The number column is unquoted, so a spreadsheet reads -5 as a number.
    expect(csv).toContain(',-5\r\n');
  });

  it('uses a stricter pattern than papaparse, which misses a formula followed by a line break', () => {
    expect(/^[=+\-@\t\r].*$/.test('=1+1\nx')).toBe(false);
    expect(FORMULA_START.test('=1+1\nx')).toBe(true);
  });

  it('exports chosen columns in the order given, and refuses unknown ones', () => {
    const [header, data] = parseBack(exportCsv([row({ handle: 'zed' })], ['status', 'handle']));
    expect(header).toEqual(['Status', 'Handle']);
    expect(data).toEqual(['prospect', 'zed']);
    expect(() => exportCsv([], ['nope' as never])).toThrow(/Unknown CSV column/);
  });

  it('writes the profile address made from the platform and handle, whatever address a record carries', () => {
    const edited = row({ platform: 'tiktok', handle: 'ana' });
    edited.creator.profileUrl = 'https://phishing.example/login';
    const [, data] = parseBack(exportCsv([edited], ['profileUrl']));
    expect(data).toEqual(['https://www.tiktok.com/@ana']);
  });

  it('round-trips any text through papaparse, with only a leading quote added to formula starts', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const rows = texts.map((text, i) => row({ handle: `h${i}`, notes: text }));
        const parsed = parseBack(exportCsv(rows, ['handle', 'notes']));
        const expected = texts.map((text, i) => [`h${i}`, FORMULA_START.test(text) ? `'${text}` : text]);
        // A row whose only content would be empty is still a row: handles keep every row non-empty.
        expect(parsed.slice(1)).toEqual(expected);
        for (const cells of parsed) for (const cell of cells) expect(FORMULA_START.test(cell)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});

describe('exportCsv against papaparse', () => {
  /** The export as papaparse's unparse wrote it before the export wrote its own text: the reference. */
  function papaExport(rows: ShortlistRow[]): string {
    const data = rows.map((r) =>
      CSV_COLUMNS.map((c) => {
        const value = (c.value as (row: ShortlistRow) => unknown)(r);
        return value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? null : value;
      }),
    );
    const csv = Papa.unparse(
      { fields: CSV_COLUMNS.map((c) => c.header), data },
      { newline: '\r\n', escapeFormulae: FORMULA_START, header: true, quotes: false },
    );
    return `${UTF8_BOM}${csv}\r\n`;
  }

  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(' lead', 'trail ', '=1', '-1', '\uFEFFbom', 'a,b', 'say "hi"', 'x\ny', ''),
  );
  const number = fc.option(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e9 }), fc.integer()), {
    nil: undefined,
  });

  it('writes the same bytes as papaparse for any text and numbers', () => {
    fc.assert(
      fc.property(
        // From one row: with none, papaparse ended the header with a line break and the old export added a second.
        fc.array(
          fc.record({ displayName: text, notes: text, tag: text, campaignName: text, fit: number, er: number }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (specs) => {
          const rows = specs.map((spec, i) =>
            row({
              handle: `h${i}`,
              displayName: spec.displayName,
              notes: spec.notes,
              tags: spec.tag.trim() ? [spec.tag] : [],
              campaignName: spec.campaignName,
              summary: {
                ...(spec.fit === undefined ? {} : { fitScore: spec.fit }),
                ...(spec.er === undefined ? {} : { engagementRate: Math.abs(spec.er) }),
              },
            }),
          );
          expect(exportCsv(rows)).toBe(papaExport(rows));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes an empty list as the header line alone, not followed by an empty record', () => {
    expect(exportCsv([], ['handle', 'status'])).toBe(`${UTF8_BOM}Handle,Status\r\n`);
  });

  it('writes each kind of cell as papaparse does', () => {
    const cell = (value: string | number | boolean | null) =>
      Papa.unparse([[value, 'x']], { escapeFormulae: FORMULA_START, quotes: false }).slice(0, -2);
    for (const value of ['', 'plain', ' a', 'a ', '=x', '\t1', 'a"b', 'a\r\nb', '\uFEFF', 'a,b', '-', '@']) {
      expect(csvCell(value), JSON.stringify(value)).toBe(cell(value));
    }
    for (const value of [0, -0, -5, 2.345, 1e21, 1234567, true, false]) expect(csvCell(value)).toBe(cell(value));
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('isoTime', () => {
  it('is toISOString for any time, however far out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8.64e15 }), (ms) => {
        expect(isoTime(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
    for (const ms of [0, 999, 86_399_999, 951_782_400_000, 951_868_800_000, 4_107_542_400_000, 253_402_300_799_999]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
    // Years 10000 on, and fractions of a millisecond, are toISOString's own.
    expect(isoTime(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
    expect(isoTime(1.5)).toBe(new Date(1.5).toISOString());
  });

  it('covers ordinary times: every day of a few years, at varied times of day', () => {
    for (let day = 0; day < 4 * 366; day++) {
      const ms = Date.UTC(2023, 0, 1) + day * 86_400_000 + ((day * 7_919_123) % 86_400_000);
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('parseProfileList', () => {
  it('reads pasted URLs of every platform, in many spellings', () => {
    const text = [
      'https://www.instagram.com/pluto__travel/',
      'instagram.com/ana.viaja?igsh=abc',
      'https://www.instagram.com/bea/reels/',
      'https://m.tiktok.com/@illojuan',
      'https://www.tiktok.com/@cy/video/7571863205253778710',
      'https://www.youtube.com/@MrBeast/videos',
      'https://m.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
      'https://www.youtube.com/@%E6%97%85',
      'https://x.com/kikobeats',
      'http://mobile.twitter.com/jack/status/20',
      'twitter.com/Dee',
    ].join('\n');
    const list = parseProfileList(text);
    expect(list.problems).toEqual([]);
    expect(list.profiles).toEqual([
      { platform: 'instagram', handle: 'pluto__travel' },
      { platform: 'instagram', handle: 'ana.viaja' },
      { platform: 'instagram', handle: 'bea' },
      { platform: 'tiktok', handle: 'illojuan' },
      { platform: 'tiktok', handle: 'cy' },
      { platform: 'youtube', handle: 'MrBeast' },
      { platform: 'youtube', handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA' },
      { platform: 'youtube', handle: '旅' },
      { platform: 'x', handle: 'kikobeats' },
      { platform: 'x', handle: 'jack' },
      { platform: 'x', handle: 'Dee' },
    ]);
  });

  it('names the line and the reason for what it cannot read', () => {
    const text = [
      'https://www.instagram.com/p/CPQjO5RIIO9/',
      'https://www.youtube.com/watch?v=hwMkbaS_M_c',
      'https://www.youtube.com/c/OldName',
      'https://vm.tiktok.com/ZMabc/',
      'https://example.com/someone',
      'https://x.com/home',
      '@needsplatform',
      'https://www.instagram.com/bad%ZZ',
    ].join('\n');
    const list = parseProfileList(text);
    expect(list.profiles).toEqual([]);
    expect(list.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, expect.stringMatching(/post link/)],
      [2, expect.stringMatching(/video link/)],
      [3, expect.stringMatching(/\/c\/ or \/user\//)],
      [4, expect.stringMatching(/short or app link/)],
      [5, expect.stringMatching(/example\.com is not a supported site/)],
      [6, expect.stringMatching(/not a profile/)],
      [7, expect.stringMatching(/without a platform/)],
      [8, expect.stringMatching(/broken %-escapes/)],
    ]);
  });

  it('reads bare handles with the platform the user chose, several per line, each once', () => {
    const list = parseProfileList('@ana, @bea; cy\n\n  @Ana  \nbad!handle', 'tiktok');
    expect(list.profiles).toEqual([
      { platform: 'tiktok', handle: 'ana' },
      { platform: 'tiktok', handle: 'bea' },
      { platform: 'tiktok', handle: 'cy' },
    ]);
    expect(list.duplicates).toBe(1);
    expect(list.problems).toEqual([
      { line: 4, text: 'bad!handle', reason: expect.stringMatching(/not a valid tiktok handle/) },
    ]);
  });

  it('reads a CSV with a header, using a platform column for bare handles', () => {
    const csv =
      '\uFEFFName,Username,Platform,Notes\r\n"Ana, travel",ana,Instagram,x\r\nBea,@bea,twitter,\r\nCy,cy,,\r\nDee,,,only notes\r\n';
    const list = parseProfileList(csv);
    expect(list.profiles).toEqual([
      { platform: 'instagram', handle: 'ana' },
      { platform: 'x', handle: 'bea' },
    ]);
    expect(list.problems.map((p) => [p.line, p.reason])).toEqual([
      [4, expect.stringMatching(/without a platform/)],
      [5, 'no profile URL or handle in this row'],
    ]);
  });

  it("reads the shortlist's own CSV export back to the same creators", () => {
    const rows = [
      row({ platform: 'instagram', handle: 'ana', displayName: '=evil' }),
      row({ platform: 'youtube', handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA' }),
      row({ platform: 'x', handle: 'kikobeats', notes: 'multi\nline, "quoted"' }),
      row({ platform: 'tiktok', handle: 'illojuan' }),
    ];
    const list = parseProfileList(exportCsv(rows));
    expect(list.problems).toEqual([]);
    expect(list.profiles).toEqual(rows.map((r) => ({ platform: r.creator.platform, handle: r.creator.handle })));
  });

  it('does not take a first line of URLs for a header', () => {
    const list = parseProfileList('youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA\nhttps://www.youtube.com/@abc');
    expect(list.profiles.map((p) => p.handle)).toEqual(['UCzcRQ3vRNr6fJ1A9rqFn7QA', 'abc']);
  });

  it('reads any canonical profile URL back to its platform and handle', () => {
    const handle = fc.constantFrom<[Platform, string]>(
      ['instagram', 'a.b_c'],
      ['tiktok', 'x.y_z9'],
      ['youtube', 'Some-Channel.1'],
      ['youtube', 'UCs6nmQViDpUw0nuIx9c_WvA'],
      ['x', 'A_b9'],
    );
    fc.assert(
      fc.property(handle, fc.constantFrom('', ' ', '\t'), ([platform, h], pad) => {
        const list = parseProfileList(`${pad}${profileUrlFor(platform, h)}${pad}`);
        expect(list.profiles).toEqual([{ platform, handle: h }]);
      }),
    );
  });
});
