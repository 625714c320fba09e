/**
 * The readers against hostile pages (issue 8, "Hostile pages"): every saved page in tests/fixtures, mutated at
 * random by fast-check — elements removed, repeated hundreds of times, shuffled or buried 2,000 deep; texts,
 * attributes and the embedded JSON's numbers replaced by absurd values ("9"×400, "-5", "NaN", "1e309",
 * "1,2,3.4.5K", RTL and zero-width characters) or by 10 MB of text. Whatever the page holds, `read()` must
 * return, quickly, a reading the background would accept (`validateReading`) with no NaN, Infinity or negative
 * number anywhere in it.
 *
 * Each page is parsed once; every run reads a `cloneNode(true)` copy of it, so runs are independent. fast-check
 * prints the seed and the (shrunk) mutations of a failing run; `FUZZ_RUNS=200 npx vitest run <this file>` runs
 * more cases locally.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { READERS } from '../../../lib/platforms';
import type { PlatformReader } from '../../../lib/platforms/platform';
import { validateReading, type Platform, type Reading } from '../../../lib/reading';
import { FIXTURES_DIR, MANIFEST, loadDocument } from '../../helpers/fixtures';
import { applyMutation, describeMutation, domMutations, lightMutation, type DomMutation } from './dom-mutations';

/** The hand-written pages (not in MANIFEST.json) and the URLs their own tests read them at. */
const SYNTHETIC: readonly { file: string; url: string; kind: Reading['kind'] }[] = [
  {
    file: 'instagram/synthetic-post-hidden-likes-en.html',
    url: 'https://www.instagram.com/p/DXhid3nL1ke/',
    kind: 'post',
  },
  { file: 'instagram/synthetic-profile-2025-en.html', url: 'https://www.instagram.com/nora.travels/', kind: 'profile' },
  { file: 'instagram/synthetic-profile-2026-en.html', url: 'https://www.instagram.com/mika_bakes/', kind: 'profile' },
  { file: 'instagram/synthetic-profile-grid-en.html', url: 'https://www.instagram.com/luis.runs/', kind: 'profile' },
  { file: 'tiktok/synthetic-profile-no-counts.html', url: 'https://www.tiktok.com/@nocounts', kind: 'profile' },
  {
    file: 'youtube/synthetic-channel-c4-legacy-en.html',
    url: 'https://www.youtube.com/@LegacyCreator',
    kind: 'profile',
  },
  {
    file: 'youtube/synthetic-channel-pageheader-en.html',
    url: 'https://www.youtube.com/@SyntheticCreator/videos',
    kind: 'profile',
  },
  { file: 'youtube/synthetic-watch-en.html', url: 'https://www.youtube.com/watch?v=SynthVid001', kind: 'post' },
];

interface SavedPage {
  file: string;
  url: string;
  kind: Reading['kind'];
  platform: Platform;
  reader: PlatformReader;
  /** Parsed once; every run works on a clone. */
  doc: Document;
  /** Small pages clone in a few milliseconds and get more runs. */
  small: boolean;
}

/**
 * The saved page without what no reader looks at but jsdom works hard on for every copy attached to the document:
 * frames (each one a new window that jsdom never frees — it kept every copy of the page alive and ran the worker
 * out of memory) and style sheets (re-parsed on every attach). In the browser the content scripts run in the top
 * frame only and read no styles.
 */
function withoutFramesAndStyles(doc: Document): Document {
  for (const el of Array.from(doc.querySelectorAll('iframe, frame, object, embed, style, link[rel~="stylesheet"]'))) {
    el.remove();
  }
  return doc;
}

const PAGES: SavedPage[] = [
  ...MANIFEST.map((e) => ({ file: e.file, url: e.url, kind: e.kind as Reading['kind'] })),
  ...SYNTHETIC,
].map((page) => {
  const reader = Object.values(READERS).find((r) => r.hosts.includes(new URL(page.url).hostname));
  if (!reader) throw new Error(`no reader for ${page.url}`);
  return {
    ...page,
    platform: reader.platform,
    reader,
    doc: withoutFramesAndStyles(loadDocument(page.file, page.url)),
    small: fs.statSync(path.join(FIXTURES_DIR, page.file)).size < 100_000,
  };
});

/**
 * Tried first on every page, before the random runs, so these hostile pages are checked on every run of the suite:
 * the page's three longest lists (its grid of posts, on a profile) past 500 items, and every text and attribute
 * made very long (numbers 400 digits longer, or 6,000 letters more — in every text, or only in those of several
 * words) — and every link given a 3,000-character query.
 */
const ALWAYS_TRIED: DomMutation[][] = [
  ...[0, 1, 2].map((at): DomMutation[] => [{ kind: 'flood-list', at, copies: 501 }]),
  [{ kind: 'lengthen-all', how: 'digits' }],
  [{ kind: 'lengthen-all', how: 'letters' }],
  [{ kind: 'lengthen-all', how: 'letters', phrasesOnly: true }],
  [{ kind: 'long-links' }],
];

/** Generous: the slowest saved page reads in well under 0.5 s on a 2-core machine; a hang is far beyond. */
const MAX_READ_MS = 5_000;
const EXTRA_RUNS = Number(process.env.FUZZ_RUNS ?? 0);

/** Every number in a value that is NaN, ±Infinity or negative, with its path. */
function badNumbers(value: unknown, at = 'reading'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? [] : [`${at} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => badNumbers(item, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => badNumbers(item, `${at}.${key}`));
  }
  return [];
}

/** Reads a (mutated) page and checks the contract; throws with what went wrong, including the mutations. */
function readAndCheck(reader: PlatformReader, doc: Document, url: URL, mutations: readonly DomMutation[]): Reading {
  const context = () => `${reader.platform} reader at ${url.href} after ${mutations.map(describeMutation).join(', ')}`;
  const started = performance.now();
  let reading: Reading;
  try {
    reading = reader.read(doc, url, 1_700_000_000_000);
  } catch (error) {
    throw new Error(`read() threw ${String(error)} — ${context()}`, { cause: error });
  }
  const elapsed = performance.now() - started;
  if (elapsed > MAX_READ_MS) throw new Error(`read() took ${Math.round(elapsed)} ms — ${context()}`);
  const valid = validateReading(reading);
  if (!valid.ok) throw new Error(`invalid reading (${valid.problem}) — ${context()}`);
  const bad = badNumbers(reading);
  if (bad.length) throw new Error(`bad numbers ${bad.slice(0, 5).join(', ')} — ${context()}`);
  let ready: unknown;
  try {
    ready = reader.isReady(doc, url);
  } catch (error) {
    throw new Error(`isReady() threw ${String(error)} — ${context()}`, { cause: error });
  }
  if (typeof ready !== 'boolean') throw new Error(`isReady() returned ${String(ready)} — ${context()}`);
  return reading;
}

/**
 * Runs `check` on a mutated copy of the page: a clone of the page's root element swapped into the page's own
 * Document, and the original swapped back afterwards (cheaper than cloning the whole Document, which jsdom ties to
 * the page's window).
 */
function onMutatedCopy<T>(page: SavedPage, mutations: readonly DomMutation[], check: (doc: Document) => T): T {
  const { doc } = page;
  const original = doc.documentElement;
  doc.replaceChild(original.cloneNode(true), original);
  try {
    for (const m of mutations) applyMutation(doc, m);
    return check(doc);
  } finally {
    const current = doc.documentElement;
    if (current) doc.replaceChild(original, current);
    else doc.append(original);
  }
}

it('fuzzes every saved page: each one in tests/fixtures is listed here', () => {
  const files = fs
    .readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.split(path.sep).join('/'));
  expect(PAGES.map((p) => p.file).sort()).toEqual(files.sort());
});

describe.each(Object.values(READERS).map((reader) => [reader.platform, reader] as const))(
  'the %s reader on mutated saved pages',
  (platform, reader) => {
    const pages = PAGES.filter((p) => p.platform === platform);

    it.each(pages.map((p) => [p.file, p] as const))('%s: unchanged, it reads as the page it is', (_file, page) => {
      // Guards the fuzzing itself: a wrong URL would make every run read an "other" page and test little.
      const reading = onMutatedCopy(page, [], (doc) => readAndCheck(reader, doc, new URL(page.url), []));
      expect(reading.kind).toBe(page.kind);
    });

    it.each(pages.map((p) => [p.file, p] as const))(
      '%s: never throws, hangs or yields an invalid reading',
      (_file, page) => {
        const url = new URL(page.url);
        fc.assert(
          fc.property(domMutations, (mutations) => {
            onMutatedCopy(page, mutations, (doc) => readAndCheck(reader, doc, url, mutations));
          }),
          {
            numRuns: (page.small ? 8 : 6) + EXTRA_RUNS,
            examples: ALWAYS_TRIED.map((mutations): [DomMutation[]] => [mutations]),
          },
        );
      },
      120_000,
    );

    it.each(pages.map((p) => [p.file, p] as const))(
      '%s: at its address with a 3,000-character query or fragment (tracking links), it still reads the page',
      (_file, page) => {
        const withQuery = new URL(page.url);
        withQuery.searchParams.set('utm_source', 'x'.repeat(3_000));
        const withFragment = new URL(page.url);
        withFragment.hash = 'x'.repeat(3_000);
        for (const url of [withQuery, withFragment]) {
          const reading = onMutatedCopy(page, [], (doc) => readAndCheck(reader, doc, url, []));
          expect(reading.kind).toBe(page.kind);
        }
      },
    );

    it('survives 10 MB texts and 2,000-deep nesting where its counts are', () => {
      // Deterministic worst cases on the platform's first profile page, beside the random ones above.
      const page = pages.find((p) => p.kind === 'profile') ?? pages[0]!;
      const cases: DomMutation[][] = [
        [{ kind: 'huge-text', at: 0, numeric: true, filler: 'digits' }],
        [{ kind: 'huge-text', at: 1, numeric: true, filler: 'count' }],
        [{ kind: 'huge-text', at: 2, numeric: true, filler: 'mixed' }],
        [{ kind: 'deep', at: 2, depth: 2_000 }],
        [{ kind: 'deep', at: 40, depth: 2_000 }],
      ];
      for (const mutations of cases) {
        onMutatedCopy(page, mutations, (doc) => readAndCheck(reader, doc, new URL(page.url), mutations));
      }
    }, 120_000);
  },
);

it('any reader on any saved page, at any supported URL, still returns a valid reading', () => {
  // Hostile in another way: the DOM of one site (or one kind of page) under another's URL.
  const readers = Object.values(READERS);
  const smallPages = PAGES.filter((p) => p.small);
  fc.assert(
    fc.property(
      fc.constantFrom(...readers),
      fc.constantFrom(...smallPages),
      fc.constantFrom(...PAGES.map((p) => p.url)),
      fc.array(lightMutation, { maxLength: 3 }),
      (reader, page, urlText, mutations) => {
        const url = new URL(urlText);
        // A reader only ever runs on its own hosts: move the URL there, keeping path and query.
        const own = new URL(`${url.pathname}${url.search}`, `https://${reader.hosts[0]}`);
        onMutatedCopy(page, mutations, (doc) => readAndCheck(reader, doc, own, mutations));
      },
    ),
    { numRuns: 25 + EXTRA_RUNS },
  );
}, 120_000);
