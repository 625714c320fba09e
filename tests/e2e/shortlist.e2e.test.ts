/**
 * The shortlist page in the built extension: seeded through its own import, then filtered, edited, exported,
 * imported into a fresh browser profile, fed bad files, checked with axe in both themes, and scrolled through a
 * long list that it must render only a window of.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchScout, type Scout } from './harness';
import { axeViolations } from './axe';
import { BACKUP_FORMAT } from '../../lib/store/backup';
import { creatorKey, entryKey, type CreatorRecord, type ShortlistEntry } from '../../lib/store/schema';
import { profileUrlFor } from '../../lib/store/profile-url';
import type { Campaign } from '../../lib/campaign';
import type { Platform, ProfileReading } from '../../lib/reading';

const DAY = 86_400_000;
const NOW = Date.now();

// ——— building a backup file ———

function campaign(id: string, name: string): Campaign {
  return {
    id,
    name,
    objective: 'awareness',
    platforms: [],
    tiers: [],
    keywords: [],
    avoidKeywords: [],
    languages: [],
    locations: [],
    createdAt: NOW - 60 * DAY,
    updatedAt: NOW - 60 * DAY,
  };
}

interface Seed {
  platform: Platform;
  handle: string;
  displayName?: string;
  followers?: [number, boolean];
  engagementRate?: number;
  tier?: string;
  fitScore?: number;
  price?: [number, number];
  lastSeenDaysAgo: number;
}

function creator(s: Seed): CreatorRecord {
  const lastSeen = NOW - s.lastSeenDaysAgo * DAY;
  return {
    key: creatorKey(s.platform, s.handle),
    platform: s.platform,
    handle: s.handle,
    ...(s.displayName ? { displayName: s.displayName } : {}),
    profileUrl: profileUrlFor(s.platform, s.handle),
    firstSeen: lastSeen - 30 * DAY,
    lastSeen,
    summary: {
      ...(s.followers ? { followers: { value: s.followers[0], exact: s.followers[1] } } : {}),
      ...(s.engagementRate !== undefined ? { engagementRate: s.engagementRate } : {}),
      ...(s.tier ? { tier: s.tier } : {}),
      ...(s.fitScore !== undefined ? { fitScore: s.fitScore } : {}),
      ...(s.price ? { priceMin: s.price[0], priceMax: s.price[1] } : {}),
    },
  };
}

function entry(campaignId: string, c: CreatorRecord, more: Partial<ShortlistEntry> = {}): ShortlistEntry {
  return {
    key: entryKey(campaignId, c.key),
    campaignId,
    creatorKey: c.key,
    status: 'prospect',
    notes: '',
    tags: [],
    addedAt: NOW - 20 * DAY,
    updatedAt: NOW - 20 * DAY,
    ...more,
  };
}

/** One visit as a version-1 backup lists it: the whole reading, and the assessment if any. */
interface SnapshotV1 {
  creatorKey: string;
  at: number;
  reading: ProfileReading;
  assessment?: unknown;
}

/**
 * The seed is a version-1 backup file (one snapshot record per visit): the import still reads that format, and
 * writing it by hand keeps this test about the page, whatever the current backup format looks like.
 */
interface SeedBackup {
  format: typeof BACKUP_FORMAT;
  version: 1;
  exportedAt: string;
  campaigns: Campaign[];
  creators: CreatorRecord[];
  entries: ShortlistEntry[];
  snapshots: SnapshotV1[];
  meta: { activeCampaignId?: string };
}

const seedText = (backup: SeedBackup) => JSON.stringify(backup);

function snapshot(c: CreatorRecord, at: number, followers: number, assessment?: unknown): SnapshotV1 {
  const unknown = { status: 'unknown' as const, reason: 'not shown' };
  const reading: ProfileReading = {
    kind: 'profile',
    platform: c.platform,
    url: c.profileUrl,
    lang: 'en',
    readAt: at,
    handle: c.handle,
    followers: {
      status: 'known',
      value: followers,
      text: String(followers),
      exact: true,
      min: followers,
      max: followers,
      source: 'page-data',
    },
    following: unknown,
    posts: unknown,
    totalLikes: unknown,
    recentPosts: [],
  };
  return { creatorKey: c.key, at, reading, ...(assessment === undefined ? {} : { assessment }) };
}

const FORMULA_NOTE = '=SUM(1+2)';
const HTML_NAME = '<b>Kiko</b><img src=x onerror="window.__pwned=1">';

function seedBackup(): SeedBackup {
  const illojuan = creator({
    platform: 'tiktok',
    handle: 'illojuan',
    displayName: 'IlloJuan',
    followers: [783_427, true],
    engagementRate: 0.052,
    tier: 'mid',
    fitScore: 72,
    price: [800, 1500],
    lastSeenDaysAgo: 3,
  });
  const pluto = creator({
    platform: 'instagram',
    handle: 'pluto__travel',
    displayName: 'Pluto Travel',
    followers: [12_300, false],
    engagementRate: 0.031,
    tier: 'micro',
    lastSeenDaysAgo: 10,
  });
  const ana = creator({
    platform: 'youtube',
    handle: 'cookingwithana',
    displayName: 'Cooking with Ana',
    followers: [250_000, true],
    tier: 'macro',
    fitScore: 55,
    lastSeenDaysAgo: 40,
  });
  const kiko = creator({
    platform: 'x',
    handle: 'kikobeats',
    displayName: HTML_NAME,
    followers: [5_400, true],
    lastSeenDaysAgo: 1,
  });
  const max = creator({ platform: 'tiktok', handle: 'foodie_max', displayName: 'Max', lastSeenDaysAgo: 100 });
  return {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    campaigns: [campaign('c-spring', 'Spring launch'), campaign('c-travel', 'Travel tips')],
    creators: [illojuan, pluto, ana, kiko, max],
    entries: [
      entry('c-spring', illojuan),
      entry('c-travel', illojuan, { status: 'contacted' }),
      entry('c-travel', pluto, { status: 'contacted', tags: ['travel', 'VIP'], notes: FORMULA_NOTE }),
      entry('c-spring', ana, { status: 'negotiating', tags: ['food'] }),
      entry('c-spring', kiko, { status: 'booked', tags: ['tech'] }),
      entry('c-spring', max, { status: 'declined', tags: ['food'], notes: 'asked for rates' }),
    ],
    snapshots: [
      snapshot(illojuan, NOW - 20 * DAY, 760_000),
      snapshot(illojuan, NOW - 10 * DAY, 771_000),
      snapshot(illojuan, NOW - 3 * DAY, 783_427, {
        signals: [
          { id: 'few-posts', status: 'raised', label: 'Many followers, few posts' },
          { id: 'inactive', status: 'clear', label: 'Inactive' },
        ],
      }),
    ],
    meta: { activeCampaignId: 'c-spring' },
  };
}

// ——— driving the page ———

/** Vitest's expect.poll with a timeout fit for a browser (Playwright's own `expect` is not used here). */
const poll = <T>(probe: () => Promise<T>) => expect.poll(probe, { timeout: 10_000, interval: 100 });
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

async function openShortlist(scout: Scout): Promise<Page> {
  const page = await scout.open(`chrome-extension://${scout.extensionId}/shortlist.html`);
  // A tab in the background gets animation frames about once a second, and Playwright waits for two of them
  // before each click: in front, as a person would have it.
  await page.bringToFront();
  await page.waitForSelector('main:not([aria-busy="true"])');
  return page;
}

async function openImport(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Import…' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/**
 * Restores a backup through the form. The file is read, checked and written by a worker of its own, so the page
 * is never held by a large one; the worker is gone once the import is done.
 */
async function importBackupFile(page: Page, name: string, text: string, mode: 'merge' | 'replace' = 'merge') {
  await openImport(page);
  const started = page.waitForEvent('worker', (w) => /\/assets\/backup\.worker-[\w-]+\.js$/.test(w.url()));
  await page.locator('#backup-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const worker = await started;
  const ended = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await page.getByRole('radio', { name: mode === 'merge' ? /^Merge/ : /^Replace/ }).check();
  await page.waitForSelector('.preview-table');
  await page.getByRole('button', { name: mode === 'merge' ? 'Import and merge' : 'Replace with the backup' }).click();
  await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
  await ended;
}

/** The handles in the table's rendered rows, in order. */
async function shownHandles(page: Page): Promise<string[]> {
  return page.$$eval('tbody tr[data-key] td.col-handle a', (links) => links.map((a) => a.textContent ?? ''));
}

/** axe-core's violations on the page, one line each (an empty list means it ran and found none). */
async function violations(page: Page): Promise<string[]> {
  const found = await axeViolations((expression) => page.evaluate(expression));
  return found.map((v) => `${v.id} (${v.help}): ${v.nodes.join(', ')}`);
}

async function dbCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('creator-scout');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          // Whatever stores this version of the database has (visits moved from "snapshots" to "histories").
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => (out[name] = req.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

describe('the shortlist page, end to end in Chromium', () => {
  let scout: Scout;
  let page: Page;
  let csvText = '';
  let backupText = '';

  beforeAll(async () => {
    scout = await launchScout();
    page = await openShortlist(scout);
  });
  afterAll(async () => scout?.close());

  it('starts empty, then shows every row of an imported backup', async () => {
    await poll(() => text(page.locator('#empty-title'))).toBe('No creators yet');
    expect(await text(page.locator('.top .muted'))).toBe('0 shortlisted · 0 shown');
    await importBackupFile(page, 'seed.json', seedText(seedBackup()));
    await page.waitForSelector('tbody tr[data-key]');
    await poll(() => text(page.locator('.top .muted'))).toBe('6 shortlisted · 6 shown');
    expect((await shownHandles(page)).sort()).toEqual(
      ['@cookingwithana', '@foodie_max', '@illojuan', '@illojuan', '@kikobeats', '@pluto__travel'].sort(),
    );
    expect(await page.locator('table.shortlist-table').getAttribute('aria-rowcount')).toBe('7');
    // Page-derived text is text: the display name's markup shows literally and runs nothing.
    const kiko = page.locator('tbody tr[data-key="c-spring|x:kikobeats"]');
    await poll(() => text(kiko)).toContain(HTML_NAME);
    expect(await kiko.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Links open the profile in a new tab without handing it this page.
    const link = page.locator('tbody tr[data-key="c-spring|tiktok:illojuan"] a');
    expect(await link.getAttribute('href')).toBe('https://www.tiktok.com/@illojuan');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    // "3 days ago", with the date in a title.
    const seen = page.locator('tbody tr[data-key="c-spring|tiktok:illojuan"] time');
    await poll(() => text(seen)).toBe('3 days ago');
    expect(await seen.getAttribute('title')).toMatch(/\d{4}/);
  });

  it('narrows the rows by platform, status, tag, campaign and search', async () => {
    await page.locator('#filter-platform').selectOption('tiktok');
    expect((await shownHandles(page)).sort()).toEqual(['@foodie_max', '@illojuan', '@illojuan']);
    await page.locator('#filter-status').selectOption('declined');
    expect(await shownHandles(page)).toEqual(['@foodie_max']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('#filter-tag').selectOption('food');
    expect((await shownHandles(page)).sort()).toEqual(['@cookingwithana', '@foodie_max']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('#filter-campaign').selectOption('c-travel');
    expect((await shownHandles(page)).sort()).toEqual(['@illojuan', '@pluto__travel']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.locator('#filter-search').fill('rates');
    expect(await shownHandles(page)).toEqual(['@foodie_max']);
    await page.locator('#filter-search').fill('pluto travel');
    expect(await shownHandles(page)).toEqual(['@pluto__travel']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    expect(await shownHandles(page)).toHaveLength(6);
  });

  it('sorts by a column header, saying so with aria-sort', async () => {
    const header = page.locator('th.col-followers');
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(await shownHandles(page)).toEqual([
      '@illojuan',
      '@illojuan',
      '@cookingwithana',
      '@pluto__travel',
      '@kikobeats',
      '@foodie_max', // no follower count: last either way
    ]);
    await header.getByRole('button').click();
    await poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect((await shownHandles(page))[0]).toBe('@kikobeats');
    expect((await shownHandles(page)).at(-1)).toBe('@foodie_max');
  });

  it('opens a creator from the keyboard, shows the follower history, and saves edits', async () => {
    await page.locator('th.col-handle').getByRole('button').click(); // handle A→Z
    await page.locator('tbody tr[data-index="0"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const panel = page.locator('section.detail');
    await poll(() => text(panel.locator('h2'))).toBe('@illojuan');
    const chart = panel.locator('svg[role="img"]');
    await poll(() => chart.getAttribute('aria-label')).toMatch(/Followers from 760,000 .* to 783,427 .* over 3 visits/);
    expect(await panel.locator('.history-table tbody tr').count()).toBe(3);
    await poll(() => text(panel.locator('.history-table tbody tr').last())).toContain('+12,427');

    await panel.getByLabel('Status').selectOption('negotiating');
    await panel.getByLabel('Tags').fill('vip,  spring ');
    await panel.getByLabel('Notes').fill('Sent the brief');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();

    await page.reload();
    await page.waitForSelector('tbody tr[data-key]');
    const row = page.locator('tbody tr[data-key="c-spring|tiktok:illojuan"]');
    await poll(() => text(row.locator('.status'))).toBe('Negotiating');
    await poll(() => text(row.locator('.col-tags'))).toBe('vipspring');
    await row.click();
    await poll(() => page.locator('section.detail').getByLabel('Notes').inputValue()).toBe('Sent the brief');
  });

  it('changes many at once and compares them side by side', async () => {
    await page.getByLabel('Select @kikobeats on X').check();
    await page.getByLabel('Select @cookingwithana on YouTube').check();
    const bulk = page.locator('section.bulk');
    await poll(() => text(bulk.getByRole('status'))).toBe('2 creators selected');
    await bulk.getByLabel('Tag').fill('shortlisted');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await page.getByRole('status').filter({ hasText: 'Updated 2 creators.' }).waitFor();
    await page.locator('#filter-tag').selectOption('shortlisted');
    expect((await shownHandles(page)).sort()).toEqual(['@cookingwithana', '@kikobeats']);
    await page.getByRole('button', { name: 'Clear filters' }).click();

    await bulk.getByRole('button', { name: 'Compare' }).click();
    const compare = page.locator('section.compare');
    await poll(() => compare.locator('thead th').count()).toBe(2);
    await poll(() => text(compare.locator('tbody tr', { hasText: 'Followers' }))).toContain('250,000');
    await poll(() => text(compare.locator('tbody tr', { hasText: 'Signals' }))).toContain('no assessment saved');
    await compare.getByRole('button', { name: 'Close the comparison' }).click();

    await page.getByLabel('Select @illojuan on TikTok').first().check();
    await bulk.getByRole('button', { name: 'Compare' }).click();
    await poll(() => text(compare.locator('tbody tr', { hasText: 'Signals' }))).toContain('1 raised of 2 checked');
    await compare.getByRole('button', { name: 'Close the comparison' }).click();
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
  });

  it('exports the CSV through a download: BOM, every row, formulas neutralised', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^creator-scout-shortlist-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    csvText = bytes.toString('utf8');
    const parsed = Papa.parse<Record<string, string>>(csvText.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(6);
    const pluto = parsed.data.find((r) => r.Handle === 'pluto__travel');
    expect(pluto?.Notes).toBe(`'${FORMULA_NOTE}`);
    expect(pluto?.Tags).toBe('travel; VIP');
    expect(pluto?.['Followers exact']).toBe('false');
    const illojuan = parsed.data.filter((r) => r.Handle === 'illojuan');
    expect(illojuan.map((r) => r.Campaign).sort()).toEqual(['Spring launch', 'Travel tips']);
    expect(illojuan.find((r) => r.Campaign === 'Spring launch')?.Followers).toBe('783427');

    // The backup is made in a worker, as an import is read and written in one: the page is not held meanwhile.
    const started = page.waitForEvent('worker', (w) => /\/assets\/backup\.worker-[\w-]+\.js$/.test(w.url()));
    const [backup] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const worker = await started;
    await page.getByRole('status').filter({ hasText: 'Backup exported.' }).waitFor();
    // Ended once the backup is made (a worker already gone by now has no close left to wait for).
    await poll(async () => page.workers().includes(worker)).toBe(false);
    expect(backup.suggestedFilename()).toMatch(/^creator-scout-backup-\d{4}-\d{2}-\d{2}\.json$/);
    backupText = fs.readFileSync((await backup.path())!, 'utf8');
    expect(backupText).toContain('"format":"creator-scout-backup"');
  });

  it('has no axe violations, in light and dark', async () => {
    await page.locator('tbody tr[data-key="c-travel|instagram:pluto__travel"]').click();
    await openImport(page);
    await page.getByLabel('Select @kikobeats on X').check();
    await page.setViewportSize({ width: 1500, height: 1000 });
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByLabel('Select @kikobeats on X').uncheck();
  });

  it('removes selected creators only after confirmation', async () => {
    await page.getByLabel('Select @foodie_max on TikTok').check();
    await page.locator('section.bulk').getByRole('button', { name: 'Remove…' }).click();
    const confirm = page.getByRole('alertdialog');
    await poll(() => text(confirm)).toContain('Remove 1 creator from the shortlist?');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await shownHandles(page)).toContain('@foodie_max');
    await page.locator('section.bulk').getByRole('button', { name: 'Remove…' }).click();
    await confirm.getByRole('button', { name: 'Remove 1 creator' }).click();
    await page.getByRole('status').filter({ hasText: 'Removed 1' }).waitFor();
    expect(await shownHandles(page)).not.toContain('@foodie_max');
    expect((await dbCounts(page)).creators).toBe(4);
  });

  it('imports the CSV export and the backup into a fresh profile', async () => {
    const fresh = await launchScout({ server: scout.server });
    try {
      const other = await openShortlist(fresh);
      // A list is added to a campaign: give the fresh profile one, through the same import.
      const oneCampaign: SeedBackup = {
        ...seedBackup(),
        creators: [],
        entries: [],
        snapshots: [],
        campaigns: [campaign('c-new', 'New list')],
        meta: {},
      };
      await importBackupFile(other, 'campaign.json', seedText(oneCampaign));
      await openImport(other);
      await other
        .locator('#list-file')
        .setInputFiles({ name: 'shortlist.csv', mimeType: 'text/csv', buffer: Buffer.from(csvText) });
      await poll(() => text(other.locator('.import-part .preview'))).toContain('5 profiles found, 1 repeated');
      // The fresh profile may hold other campaigns (a sample one); choose ours.
      await other.locator('#list-campaign').selectOption('c-new');
      await other.getByRole('button', { name: 'Add 5 to “New list”' }).click();
      await other.getByRole('status').filter({ hasText: 'Added 5 to “New list”' }).waitFor();
      await other.waitForSelector('tbody tr[data-key]');
      expect((await shownHandles(other)).sort()).toEqual(
        ['@cookingwithana', '@foodie_max', '@illojuan', '@kikobeats', '@pluto__travel'].sort(),
      );
      await poll(() => text(other.locator('tbody tr[data-key="c-new|tiktok:illojuan"] .col-seen'))).toBe(
        'not visited yet',
      );

      await importBackupFile(other, 'backup.json', backupText, 'replace');
      await other.waitForSelector('tbody tr[data-key="c-travel|instagram:pluto__travel"]');
      expect(await shownHandles(other)).toHaveLength(6);
      expect(await other.locator('tbody tr[data-key="c-spring|tiktok:illojuan"] .status').textContent()).toBe(
        'Negotiating',
      );
      const exported = JSON.parse(backupText) as { campaigns: unknown[] };
      // IlloJuan's three visits are one history.
      expect(await dbCounts(other)).toMatchObject({
        campaigns: exported.campaigns.length,
        creators: 5,
        entries: 6,
        histories: 1,
      });
    } finally {
      await fresh.close();
    }
  });

  it('refuses a bad file with a message naming the problem, and changes nothing', async () => {
    const before = await dbCounts(page);
    const handles = await shownHandles(page);
    const good = seedText(seedBackup());
    const bad: [string, string, RegExp][] = [
      ['cut.json', good.slice(0, good.length / 2), /truncated/],
      ['newer.json', good.replace('"version":1', '"version":99'), /newer version of Creator Scout/],
      ['proto.json', good.replace('"meta":{', '"meta":{"__proto__":{"polluted":1},'), /__proto__/],
      ['notes.json', '{"hello":"world"}', /not a Creator Scout backup/],
      [
        'broken.json',
        good.replace('"handle":"kikobeats"', '"handle":"kiko beats"'),
        /creators record \d+ .* is invalid/,
      ],
    ];
    await openImport(page);
    for (const [name, body, message] of bad) {
      await page
        .locator('#backup-file')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
      const alert = page.locator('section[aria-labelledby="backup-title"] [role="alert"]');
      await poll(() => text(alert)).toContain(name);
      await poll(() => text(alert)).toMatch(message);
      await poll(() => text(alert)).toContain('Nothing was changed');
      expect(await page.locator('.preview-table').count()).toBe(0);
    }
    expect(await dbCounts(page)).toEqual(before);
    expect(await shownHandles(page)).toEqual(handles);
  });

  it('renders only a window of a 2,000-row list and reaches its last row from the keyboard', async () => {
    const many = seedBackup();
    const spring = many.campaigns[0]!;
    many.creators = [];
    many.entries = [];
    many.snapshots = [];
    for (let i = 0; i < 2000; i++) {
      const c = creator({
        platform: 'tiktok',
        handle: `bulk_${String(i).padStart(4, '0')}`,
        followers: [i * 10, true],
        lastSeenDaysAgo: 2,
      });
      many.creators.push(c);
      many.entries.push(entry(spring.id, c));
    }
    await importBackupFile(page, 'many.json', seedText(many), 'replace');
    await page.waitForSelector('tbody tr[data-key="c-spring|tiktok:bulk_0000"]');
    await poll(() => page.locator('table.shortlist-table').getAttribute('aria-rowcount')).toBe('2001');

    // Opened afresh, the page shows the first rows from their own query, then every row, in one order: last seen
    // newest first (here all seen at once, so by key), said by the Last seen header; nothing moves when all arrive.
    await page.reload();
    await page.waitForSelector('tbody tr[data-key]');
    const firstShown = await page.$$eval('tbody tr[data-key]', (trs) => trs.map((tr) => tr.getAttribute('data-key')));
    expect(firstShown.slice(0, 3)).toEqual([
      'c-spring|tiktok:bulk_0000',
      'c-spring|tiktok:bulk_0001',
      'c-spring|tiktok:bulk_0002',
    ]);
    await page.waitForSelector('main:not([aria-busy="true"])');
    expect(await page.locator('th.col-seen').getAttribute('aria-sort')).toBe('descending');
    await poll(() => text(page.locator('.top .muted'))).toBe('2,000 shortlisted · 2,000 shown');
    expect(
      await page.$$eval('tbody tr[data-key]', (trs) => trs.map((tr) => tr.getAttribute('data-key')).slice(0, 3)),
    ).toEqual(firstShown.slice(0, 3));
    expect(await page.getByRole('button', { name: 'Export CSV' }).isEnabled()).toBe(true);
    const rendered = await page.locator('tbody tr[data-key]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    const height = await page
      .locator('tbody tr[data-key]')
      .first()
      .evaluate((tr) => tr.getBoundingClientRect().height);
    expect(height).toBe(40);
    // Before any scroll, the rows the window's height can show and no more (each costs the first paint); once
    // scrolled, eight more below the fold, ready for the next move.
    const lastRendered = () =>
      page.$$eval('tbody tr[data-index]', (trs) => Math.max(...trs.map((tr) => Number(tr.getAttribute('data-index')))));
    const covered = await page.evaluate(() =>
      Math.max(window.innerHeight, document.querySelector('.table-scroll')!.clientHeight),
    );
    expect(await lastRendered()).toBe(Math.ceil(covered / 40) - 1);
    await page.locator('.table-scroll').evaluate((el) => el.scrollBy(0, 400));
    await poll(lastRendered).toBe(Math.ceil((400 + covered) / 40) + 8 - 1);
    await page.locator('.table-scroll').evaluate((el) => el.scrollTo(0, 0));

    await page.locator('th.col-handle').getByRole('button').click();
    await poll(() => page.locator('th.col-handle').getAttribute('aria-sort')).toMatch(/ascending|descending/);
    if ((await page.locator('th.col-handle').getAttribute('aria-sort')) === 'descending') {
      await page.locator('th.col-handle').getByRole('button').click();
    }
    await page.locator('tbody tr[data-index="0"]').focus();
    await poll(() => page.locator('tbody tr[data-index="0"]').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowDown');
    const row25 = page.locator('tbody tr[data-index="25"]');
    await poll(() => row25.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await text(row25)).toContain('@bulk_0025');
    await page.keyboard.press('End');
    const last = page.locator('tbody tr[data-index="1999"]');
    await poll(() => last.evaluate((el) => el === document.activeElement)).toBe(true);
    await poll(() => text(last)).toContain('@bulk_1999');
    expect(await page.locator('tbody tr[data-key]').count()).toBeLessThan(100);
    expect(await page.locator('tbody tr[data-index="0"]').count()).toBe(0);
  });
});
