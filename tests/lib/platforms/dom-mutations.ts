/**
 * Hostile edits of a saved page, for fuzzing the readers: what a broken, changed or malicious page could put where
 * the readers look. A mutation is plain data (indexes are taken modulo what the page has), so fast-check can
 * generate, shrink and replay it, and `applyMutation` performs it on a clone of the parsed page.
 */
import fc from 'fast-check';

/** Texts a page could show where a count should be: absurd numbers, signs, scripts, invisible characters. */
export const ABSURD_TEXTS: readonly string[] = [
  '9'.repeat(400),
  '-5',
  '−1.2M',
  '+5',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '1e21',
  '1.2e3K',
  '0x1F',
  '1,2,3.4.5K',
  '1..2K',
  '1,,2',
  '.5K',
  '5.K',
  'K',
  '0',
  '-0',
  '00012',
  '0.0001K',
  '1.5',
  '12345678901234567890',
  '9007199254740993',
  '999999999999999B',
  '9'.repeat(30) + 'K',
  '1.2K 3.4M',
  '1/2',
  '50%',
  '$1.2M',
  '∞',
  '',
  ' ',
  '\u00a0',
  '٫',
  '١٢٬٣٤٥',
  '١٫٢ ألف',
  '12,3 тыс.',
  '2.3万',
  '९९९',
  '𝟗𝟗𝟗',
  '1 234 567',
  "1'234",
  '\u202e1.2M\u202c',
  '\u200f12,345\u200f',
  '1\u200b2\u200b3K',
  '\u2066783.4K\u2069',
  '\ufeff1.2M',
  '1.2K followers',
  '-3 views',
  '1e309 subscribers',
  'NaN likes',
  '<img src=x onerror=alert(1)>',
  '"}]};alert(1);//',
];

/** A hostile text: one of the absurd ones, a random Unicode string, or a random number written out. */
export const absurdText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ABSURD_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.double(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n })).map((n) => String(n)),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom('K', 'M', 'B', ' Mio.', 'k', '万', ' mil'))
      .map(([n, unit]) => `${n}${unit}`),
  },
);

export type DomMutation =
  /** Removes an element (with everything inside it). */
  | { kind: 'remove'; at: number }
  /** Inserts copies of an element right after it. */
  | { kind: 'duplicate'; at: number; copies: number }
  /**
   * Repeats an element that sites mark for their own scripts (`data-e2e`, `data-testid`, a link, a custom
   * element) hundreds of times, so lists such as a grid of tiles outgrow any cap a reader or the schema has.
   */
  | { kind: 'flood'; at: number; copies: number }
  /**
   * Repeats an item of one of the page's lists (siblings that look alike: same tag, class, role and test id) —
   * `at` 0 is the longest list, usually the grid of posts — so the list grows past 500.
   */
  | { kind: 'flood-list'; at: number; copies: number }
  /** Puts an element's children in another order. */
  | { kind: 'shuffle'; at: number; seed: number }
  /** Replaces a text node (mostly one holding a digit) with a hostile text. */
  | { kind: 'text'; at: number; numeric: boolean; text: string }
  /**
   * Makes a text or an attribute very long: 400 more digits in its first number ("/video/123" →
   * "/video/123999…"), or 6,000 letters after it.
   */
  | { kind: 'lengthen'; at: number; target: 'text' | 'attribute'; how: 'digits' | 'letters' }
  /**
   * The same for every text of the page at once (with `phrasesOnly`, texts of two words or more: names, bios,
   * captions — leaving alone the one-word handle a reader compares with the URL's before reading on), and with
   * digits for every attribute too (letters after them would only hide the page from the selectors).
   */
  | { kind: 'lengthen-all'; how: 'digits' | 'letters'; phrasesOnly?: boolean }
  /** Adds a 3,000-character query to every link (`href`), which keeps the path the readers look for. */
  | { kind: 'long-links' }
  /** Sets an attribute the element already has (href, title, aria-label, content…) to a hostile text. */
  | { kind: 'attribute'; at: number; attr: number; text: string }
  /** Replaces a number inside an inline script (the pages' embedded JSON), preferring count-like keys. */
  | { kind: 'script-number'; at: number; match: number; countKey: boolean; text: string }
  /** Replaces a text node with 10 MB of text. */
  | { kind: 'huge-text'; at: number; numeric: boolean; filler: 'digits' | 'count' | 'spaces' | 'mixed' }
  /** Moves an element's children to the bottom of a chain of nested elements, 2,000 deep. */
  | { kind: 'deep'; at: number; depth: number };

const index = fc.nat({ max: 1_000_000 });

/** The cheap edits, any number of which can be combined. */
export const lightMutation: fc.Arbitrary<DomMutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), at: index }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index, copies: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('flood' as const), at: index, copies: fc.integer({ min: 500, max: 520 }) }),
  fc.record({
    kind: fc.constant('flood-list' as const),
    at: fc.nat({ max: 5 }),
    copies: fc.integer({ min: 500, max: 520 }),
  }),
  fc.record({ kind: fc.constant('shuffle' as const), at: index, seed: fc.nat() }),
  fc.record({ kind: fc.constant('text' as const), at: index, numeric: fc.boolean(), text: absurdText }),
  fc.record({ kind: fc.constant('text' as const), at: index, numeric: fc.constant(true), text: absurdText }),
  fc.record({ kind: fc.constant('attribute' as const), at: index, attr: fc.nat({ max: 20 }), text: absurdText }),
  fc.record({
    kind: fc.constant('lengthen' as const),
    at: index,
    target: fc.constantFrom('text' as const, 'attribute' as const),
    how: fc.constantFrom('digits' as const, 'letters' as const),
  }),
  fc.record({
    kind: fc.constant('script-number' as const),
    at: index,
    match: index,
    countKey: fc.boolean(),
    text: absurdText,
  }),
);

/**
 * The costly edits: 10 MB of text, or 2,000 levels of nesting. One per run at most — also because jsdom walks a
 * subtree recursively when it is detached, so two nested 2,000-deep chains overflow Node's stack in the test
 * harness itself (a browser has no such limit).
 */
export const heavyMutation: fc.Arbitrary<DomMutation> = fc.oneof(
  fc.record({
    kind: fc.constant('huge-text' as const),
    at: index,
    numeric: fc.boolean(),
    filler: fc.constantFrom('digits' as const, 'count' as const, 'spaces' as const, 'mixed' as const),
  }),
  fc.record({ kind: fc.constant('deep' as const), at: index, depth: fc.constantFrom(2_000, 500) }),
);

/** A few hostile edits at once; one run in four also gets a heavy one. */
export const domMutations: fc.Arbitrary<DomMutation[]> = fc
  .tuple(
    fc.array(lightMutation, { minLength: 1, maxLength: 6 }),
    fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: heavyMutation }),
  )
  .map(([light, heavy]) => (heavy ? [...light, heavy] : light));

const TEN_MB = 10 * 1024 * 1024;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

function nodes<T extends Node>(doc: Document, what: number, keep: (node: T) => boolean = () => true): T[] {
  const out: T[] = [];
  const walker = doc.createTreeWalker(doc, what);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (keep(node as T)) out.push(node as T);
  return out;
}

const elements = (doc: Document, keep?: (el: Element) => boolean) => nodes<Element>(doc, SHOW_ELEMENT, keep);
/**
 * True when an element has at most `max` elements inside it. Counted with an early exit, not with
 * `getElementsByTagName`, whose live collections jsdom keeps updating on every later change.
 */
function smallSubtree(el: Element, max: number): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, SHOW_ELEMENT);
  let count = 0;
  while (walker.nextNode()) if (++count > max) return false;
  return true;
}

const pick = <T>(list: readonly T[], at: number): T | undefined => (list.length ? list[at % list.length] : undefined);

function textNodes(doc: Document, numeric: boolean): Text[] {
  // Style sheets are left alone: no reader looks at them, and jsdom logs every one it cannot parse.
  const all = nodes<Text>(doc, SHOW_TEXT, (t) => !['SCRIPT', 'STYLE'].includes(t.parentElement?.tagName ?? ''));
  const withDigits = all.filter((t) => /\d/.test(t.data));
  return numeric && withDigits.length ? withDigits : all;
}

const MARKED = (el: Element) =>
  el.hasAttribute('data-e2e') ||
  el.hasAttribute('data-testid') ||
  el.tagName === 'A' ||
  el.tagName === 'ARTICLE' ||
  el.tagName === 'LI' ||
  el.tagName.includes('-');

const signature = (el: Element) =>
  [
    el.tagName,
    el.getAttribute('class'),
    el.getAttribute('role'),
    el.getAttribute('data-e2e'),
    el.getAttribute('data-testid'),
  ].join('|');

const NOT_CONTENT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE']);

/** The lists of the page's body: groups of two or more alike siblings (small ones), longest first, then in page order. */
function lists(doc: Document): Element[][] {
  const groups: Element[][] = [];
  const body = doc.body ?? doc.documentElement;
  for (const parent of elements(doc, (e) => e.childElementCount > 1 && body.contains(e))) {
    const bySignature = new Map<string, Element[]>();
    for (const child of Array.from(parent.children)) {
      if (NOT_CONTENT.has(child.tagName)) continue;
      const key = signature(child);
      bySignature.set(key, [...(bySignature.get(key) ?? []), child]);
    }
    for (const group of bySignature.values()) {
      if (group.length > 1 && smallSubtree(group[0]!, 200) && (group[0]!.textContent?.length ?? 0) <= 5_000) {
        groups.push(group);
      }
    }
  }
  // A stable sort keeps page order among lists of the same length.
  return groups.sort((a, b) => b.length - a.length);
}

/** A deterministic shuffle (mulberry32), so a failing case replays exactly. */
function shuffled<T>(list: T[], seed: number): T[] {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function hugeText(filler: 'digits' | 'count' | 'spaces' | 'mixed'): string {
  switch (filler) {
    case 'digits':
      return '9'.repeat(TEN_MB);
    case 'count':
      return '1,234 '.repeat(TEN_MB / 6);
    case 'spaces':
      return `${' '.repeat(TEN_MB)}12K${' '.repeat(10)}`;
    case 'mixed':
      return '1.2K \u200f٫ followers\n'.repeat(TEN_MB / 20);
  }
}

// Count-like keys of the sites' embedded JSON ("followerCount", "viewCount", "like_count", "subscriberCountText").
const COUNT_NUMBER =
  /("[A-Za-z_]*(?:[Cc]ount|[Vv]iews?|[Ll]ikes?|[Ff]ollowers?|[Ss]ubscribers?)[A-Za-z_]*"\s*:\s*"?)(\d[\d.,]*)/g;
const ANY_NUMBER = /()(\d[\d.,]*)/g;

/**
 * An element's attributes but `style`: no reader looks at styles, and jsdom's CSS colour parser throws on some
 * absurd values (a browser ignores them), which would fail the harness rather than a reader.
 */
function pageAttributes(el: Element): Attr[] {
  return Array.from(el.attributes).filter((a) => a.name !== 'style');
}

function lengthened(value: string, how: 'digits' | 'letters'): string {
  if (how === 'letters') return `${value}${'x'.repeat(6_000)}`;
  return /\d/.test(value) ? value.replace(/\d+/, (digits) => `${digits}${'9'.repeat(400)}`) : value;
}

/** Performs one mutation on `doc` (a clone: the saved page itself is never changed). */
export function applyMutation(doc: Document, m: DomMutation): void {
  const root = doc.documentElement;
  switch (m.kind) {
    case 'remove': {
      const el = pick(elements(doc), m.at);
      if (el && el !== root) el.remove();
      return;
    }
    case 'duplicate': {
      const el = pick(elements(doc), m.at);
      if (!el || el === root) return;
      for (let i = 0; i < m.copies; i++) el.after(el.cloneNode(true));
      return;
    }
    case 'flood': {
      // Small elements only, so the page stays a few hundred thousand nodes at most.
      const el = pick(
        elements(doc, (e) => MARKED(e) && smallSubtree(e, 60) && (e.textContent?.length ?? 0) <= 2_000),
        m.at,
      );
      if (!el) return;
      for (let i = 0; i < m.copies; i++) el.parentNode?.insertBefore(el.cloneNode(true), el.nextSibling);
      return;
    }
    case 'flood-list': {
      const item = pick(lists(doc), m.at)?.[0];
      if (!item) return;
      for (let i = 0; i < m.copies; i++) item.parentNode?.insertBefore(item.cloneNode(true), item.nextSibling);
      return;
    }
    case 'shuffle': {
      const el = pick(
        elements(doc, (e) => e.childNodes.length > 1),
        m.at,
      );
      if (el) el.replaceChildren(...shuffled(Array.from(el.childNodes), m.seed));
      return;
    }
    case 'text': {
      const node = pick(textNodes(doc, m.numeric), m.at);
      if (node) node.data = m.text;
      return;
    }
    case 'attribute': {
      const el = pick(
        elements(doc, (e) => pageAttributes(e).length > 0),
        m.at,
      );
      const attr = el && pick(pageAttributes(el), m.attr);
      if (el && attr) el.setAttribute(attr.name, m.text);
      return;
    }
    case 'lengthen': {
      if (m.target === 'text') {
        const node = pick(textNodes(doc, m.how === 'digits'), m.at);
        if (node) node.data = lengthened(node.data, m.how);
      } else {
        const el = pick(
          elements(doc, (e) => pageAttributes(e).length > 0),
          m.at,
        );
        const attr = el && pick(pageAttributes(el), m.at);
        if (el && attr) el.setAttribute(attr.name, lengthened(attr.value, m.how));
      }
      return;
    }
    case 'lengthen-all': {
      const phrase = /\S\s+\S/;
      for (const node of textNodes(doc, false)) {
        if (!m.phrasesOnly || phrase.test(node.data)) node.data = lengthened(node.data, m.how);
      }
      if (m.how === 'letters') return;
      for (const el of elements(doc)) {
        for (const attr of pageAttributes(el)) el.setAttribute(attr.name, lengthened(attr.value, m.how));
      }
      return;
    }
    case 'long-links': {
      for (const el of elements(doc, (e) => e.hasAttribute('href'))) {
        const href = el.getAttribute('href') ?? '';
        el.setAttribute('href', `${href}${href.includes('?') ? '&' : '?'}q=${'x'.repeat(3_000)}`);
      }
      return;
    }
    case 'script-number': {
      const script = pick(
        elements(doc, (e) => e.tagName === 'SCRIPT' && /\d/.test(e.textContent ?? '')),
        m.at,
      );
      if (!script) return;
      const source = script.textContent ?? '';
      const pattern = m.countKey && new RegExp(COUNT_NUMBER.source).test(source) ? COUNT_NUMBER : ANY_NUMBER;
      const matches = Array.from(source.matchAll(new RegExp(pattern.source, 'g')));
      const hit = pick(matches, m.match);
      if (!hit) return;
      const start = hit.index + (hit[1]?.length ?? 0);
      script.textContent = source.slice(0, start) + m.text + source.slice(start + (hit[2]?.length ?? 0));
      return;
    }
    case 'huge-text': {
      const node = pick(textNodes(doc, m.numeric), m.at);
      if (node) node.data = hugeText(m.filler);
      return;
    }
    case 'deep': {
      const el = pick(elements(doc), m.at);
      if (!el || el.tagName === 'HTML' || el.tagName === 'HEAD') return;
      // Built from the bottom up: each append then checks a fresh parent, not a 2,000-long ancestor chain.
      const bottom = doc.createElement(el.tagName === 'SPAN' ? 'span' : 'div');
      let chain: Element = bottom;
      for (let i = 1; i < m.depth; i++) {
        const outer = doc.createElement(i % 2 ? 'div' : 'span');
        outer.append(chain);
        chain = outer;
      }
      bottom.append(...Array.from(el.childNodes));
      el.append(chain);
      return;
    }
  }
}

/** A short description of a mutation for failure messages (10 MB texts are not printed). */
export function describeMutation(m: DomMutation): string {
  return JSON.stringify(m, (key, value: unknown) =>
    typeof value === 'string' && value.length > 60 ? `${value.slice(0, 20)}…(${value.length} chars)` : value,
  );
}
