/**
 * Issue 8, "Nothing lost", end to end in Chromium with the built extension: no saved row is lost or duplicated
 * when the service worker is stopped in the middle of a save, when two extension pages save the same creator at
 * once, when the browser is closed and opened again on the same profile, or when a database from any earlier
 * schema version is opened; and a full disk reaches the user.
 *
 * Every check reads the extension's IndexedDB itself, from a page of the extension's origin with the raw API
 * (extension-db.ts), so the store's code is never asked to vouch for itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_VERSION, creatorKey } from '../../lib/store/schema';
import { StorageFullError } from '../../lib/store/errors';
import {
  clearShortlist,
  deleteDb,
  dumpDb,
  holdingOf,
  openProbe,
  probeWrite,
  recordedDatabases,
  recordsOf,
  visitsOf,
  type DbDump,
  type RecordedDatabase,
} from './extension-db';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchScout, waitFor, type Popup, type Scout } from './harness';
import { pauseSaveAt, SAVE_POINTS } from './pause-save';

const PROFILE = 'https://www.tiktok.com/@illojuan';
const CREATOR = creatorKey('tiktok', 'illojuan');
// Added from a list only (never read), so no reader is involved.
const OTHER_PROFILE = 'https://x.com/Kikobeats';
const FULL_DISK = new StorageFullError().userMessage;

// Resolved before the tests are collected: one test per recorded schema version.
const RECORDED: RecordedDatabase[] = await recordedDatabases();

// ——— what a person does, and what the extension pages send ———

async function popupText(popup: Popup): Promise<string> {
  return popup.evaluate<string>('document.body.innerText');
}

/** Waits until the popup shows `pattern` (a save finished, or failed). */
async function popupShows(popup: Popup, pattern: RegExp, what: string): Promise<string> {
  return waitFor(async () => {
    const text = await popupText(popup).catch(() => '');
    return pattern.test(text) ? text : undefined;
  }, what);
}

async function openExtensionPage(scout: Scout, file: string): Promise<Page> {
  const page = await scout.open(`chrome-extension://${scout.extensionId}/${file}`);
  // A tab in the background gets animation frames about once a second, and Playwright waits for them before
  // each click: in front, as a person would have it.
  await page.bringToFront();
  if (file === 'shortlist.html') await page.waitForSelector('main:not([aria-busy="true"])');
  return page;
}

/** The id of the tab showing `url`, as an extension page finds it. */
async function tabIdOf(page: Page, url: string): Promise<number> {
  const ids = await page.evaluate<number[]>(
    `chrome.tabs.query({ url: ${JSON.stringify(`${url}*`)} }).then((tabs) => tabs.map((t) => t.id))`,
  );
  if (ids.length !== 1) throw new Error(`expected one tab on ${url}, found ${ids.length}`);
  return ids[0]!;
}

interface SaveReply {
  ok: boolean;
  added?: boolean;
  message?: string;
}

/**
 * Sends the popup's "saveCreator" message for a tab from an extension page (@webext-core/messaging's wire
 * format: {id, type, data, timestamp}, answered with {res} or {err}), as the popup or the shortcut would.
 */
async function saveFrom(page: Page, tabId: number): Promise<SaveReply> {
  const reply = await page.evaluate<{ res?: SaveReply; err?: { message: string } }>(
    `chrome.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: 'saveCreator', data: ${tabId}, timestamp: Date.now() })`,
  );
  if (!reply?.res) throw new Error(`the save was not answered: ${JSON.stringify(reply)}`);
  return reply.res;
}

/** Closes every extension page but `keep` (the popup too), so that none holds the database open. */
async function closeExtensionPages(scout: Scout, keep: Page[] = []): Promise<void> {
  for (const page of scout.context.pages()) {
    if (page.url().startsWith('chrome-extension:') && !keep.includes(page)) await page.close();
  }
  for (const target of (await scout.browserSession.send('Target.getTargets')).targetInfos) {
    if (target.type === 'page' && target.url.endsWith('/popup.html')) {
      await scout.browserSession.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
    }
  }
}

async function openImport(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Import…' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Types a list of profiles into the shortlist page's "Add profiles from a list" and checks it; returns its button. */
async function prepareList(page: Page, text: string) {
  await page.bringToFront();
  await openImport(page);
  await page.locator('#list-text').fill(text);
  await page.getByRole('button', { name: 'Check the list' }).click();
  const add = page.getByRole('button', { name: /^Add 1 to/ });
  await add.waitFor();
  return add;
}

// ——— the session ———

describe('nothing lost', () => {
  let scout: Scout;
  let probe: Page;
  let profile: Page;
  /** The shortlist entry a save makes: the active campaign's, for the creator. */
  let savedWhole: { creators: number; entries: string[]; visits: number };
  const nothing = { creators: 0, entries: [], visits: 0 };
  // Both kept by the test, not the harness: the browser is closed and opened again on them.
  let server: FixtureServer;
  let userDataDir: string;

  beforeAll(async () => {
    server = await startFixtureServer();
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creator-scout-nothing-lost-'));
    scout = await launchScout({ server, userDataDir });
    probe = await openProbe(scout);
    // The first run makes a sample campaign and makes it the one a click saves to.
    const active = await waitFor(async () => {
      const meta = recordsOf<{ key: string; value: string }>(await dumpDb(probe), 'meta');
      return meta.find((m) => m.key === 'activeCampaignId')?.value;
    }, 'the first run to make a campaign');
    savedWhole = { creators: 1, entries: [`${active}|${CREATOR}`], visits: 1 };
    profile = await scout.open(PROFILE);
  });
  afterAll(async () => {
    await scout?.close();
    await server?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  describe('the service worker stopped in the middle of a save', () => {
    for (const point of SAVE_POINTS) {
      it(`stopped at "${point}": saved whole or not at all, and saving again keeps one of everything`, async () => {
        await clearShortlist(probe);
        const popup = await scout.openPopup(profile);
        expect(await popup.text()).toContain('Not on a shortlist yet.');

        const { paused } = await pauseSaveAt(await scout.worker(), point);
        let reached = false;
        void paused.then(() => (reached = true));
        await popup.clickButton('Save to shortlist');
        await waitFor(async () => reached || undefined, `the save to reach "${point}"`);
        await scout.stopWorker();

        // One transaction: before its commit nothing is kept, after it everything is.
        expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(point === 'committed' ? savedWhole : nothing);
        // The popup never heard back: it says the save was interrupted and shows what the shortlist holds, so it
        // says "saved" only if the save was committed.
        const shown = await popupShows(popup, /save was interrupted/, 'the popup to report the lost save');
        if (point !== 'committed') expect(shown).not.toMatch(/Saved to/);

        // The person opens the popup again (which wakes the worker) and saves if it is not saved.
        const again = await scout.openPopup(profile);
        const text = await again.text();
        if (point === 'committed') expect(text).toMatch(/saved in /);
        else {
          expect(text).toContain('Not on a shortlist yet.');
          await again.clickButton('Save to shortlist');
          await popupShows(again, /Saved to /, 'the second save');
        }
        expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(savedWhole);

        // And once more, as the keyboard shortcut would: still one of everything.
        const page = await openExtensionPage(scout, 'shortlist.html');
        expect(await saveFrom(page, await tabIdOf(page, PROFILE))).toMatchObject({ ok: true, added: false });
        expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(savedWhole);
        await page.close();
      });
    }
  });

  describe('two extension pages saving the same creator at once', () => {
    it('both ask the worker to save in the same instant: one creator, one entry, one visit', async () => {
      await clearShortlist(probe);
      const pages = [
        await openExtensionPage(scout, 'shortlist.html'),
        await openExtensionPage(scout, 'shortlist.html'),
      ];
      const tabId = await tabIdOf(pages[0]!, PROFILE);
      const replies = await Promise.all(pages.map((page) => saveFrom(page, tabId)));
      expect(replies.map((r) => r.ok)).toEqual([true, true]);
      // The second save found the first one's entry.
      expect(replies.map((r) => r.added).sort()).toEqual([false, true]);
      expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(savedWhole);
      for (const page of pages) await page.close();
    });

    it('two shortlist pages add the same profile from a list in the same instant: one creator, one entry', async () => {
      await clearShortlist(probe);
      const pages = [
        await openExtensionPage(scout, 'shortlist.html'),
        await openExtensionPage(scout, 'shortlist.html'),
      ];
      const buttons = await Promise.all(pages.map((page) => prepareList(page, PROFILE)));
      // Each page has its own connection to the database: the two writes really race.
      await Promise.all(buttons.map((button) => button.evaluate((b: HTMLButtonElement) => b.click())));
      const said = await Promise.all(
        pages.map(async (page) => {
          const status = page.getByRole('status').filter({ hasText: /^Added / });
          await status.waitFor();
          return status.textContent();
        }),
      );
      expect(said.filter((s) => /^Added 1 to /.test(s ?? ''))).toHaveLength(1);
      expect(said.filter((s) => /1 already on that list/.test(s ?? ''))).toHaveLength(1);
      // Added from a list, the creator has no visit until its profile is opened.
      expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual({ ...savedWhole, visits: 0 });
      for (const page of pages) await page.close();
    });

    it('the popup saves while the shortlist page adds the same profile: one creator, with its visit', async () => {
      await clearShortlist(probe);
      const shortlist = await openExtensionPage(scout, 'shortlist.html');
      const add = await prepareList(shortlist, PROFILE);
      const popup = await scout.openPopup(profile);
      await popup.text();
      await Promise.all([popup.clickButton('Save to shortlist'), add.evaluate((b: HTMLButtonElement) => b.click())]);
      await popupShows(popup, /saved in /, 'the popup save');
      await shortlist
        .getByRole('status')
        .filter({ hasText: /^Added / })
        .waitFor();
      const dump = await dumpDb(probe);
      expect(holdingOf(dump, CREATOR)).toEqual(savedWhole);
      // Whichever came first, the visit's reading wins over the list's placeholder.
      const creator = recordsOf<{ key: string; unvisited?: boolean }>(dump, 'creators').find((c) => c.key === CREATOR);
      expect(creator?.unvisited).toBeUndefined();
      await shortlist.close();
    });
  });

  it('a full disk reaches the user in the popup and the shortlist page, changes nothing, and saving works once there is room', async () => {
    // A backup to import, exported by the shortlist page itself; then the shortlist is emptied.
    await clearShortlist(probe);
    let shortlist = await openExtensionPage(scout, 'shortlist.html');
    expect(await saveFrom(shortlist, await tabIdOf(shortlist, PROFILE))).toMatchObject({ ok: true });
    await shortlist.reload();
    await shortlist.locator('tbody tr[data-key]').first().waitFor();
    const [download] = await Promise.all([
      shortlist.waitForEvent('download'),
      shortlist.getByRole('button', { name: 'Export backup' }).click(),
    ]);
    const backup = fs.readFileSync((await download.path())!, 'utf8');
    await clearShortlist(probe);
    const before = await dumpDb(probe);

    // Chromium's own quota for the extension's origin, set to 1 byte (DevTools' "simulate custom storage quota").
    const origin = `chrome-extension://${scout.extensionId}`;
    const cdp: CDPSession = await scout.context.newCDPSession(profile);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    try {
      // Chromium's IndexedDB keeps the space it last found free for up to 30 s, as long as any page or worker of
      // the origin uses IndexedDB; with none left (a moment after), it asks the quota again. The probe, a page
      // opened for each try, tells when the quota is enforced.
      await closeExtensionPages(scout);
      await scout.stopWorker();
      await waitFor(
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          const tryPage = await openProbe(scout);
          const outcome = await probeWrite(tryPage);
          await tryPage.close();
          return outcome === 'QuotaExceededError' || undefined;
        },
        'IndexedDB to enforce the quota',
        45_000,
      );
      probe = await openProbe(scout);

      // The popup's save goes through the worker.
      const popup = await scout.openPopup(profile);
      expect(await popup.text()).toContain('Not on a shortlist yet.');
      await popup.clickButton('Save to shortlist');
      const said = await popupShows(popup, /no room left/, 'the popup to report the full disk');
      expect(said).toContain(FULL_DISK);
      expect(said).toContain('Not on a shortlist yet.');

      // The shortlist page writes the database itself.
      shortlist = await openExtensionPage(scout, 'shortlist.html');
      await openImport(shortlist);
      await shortlist
        .locator('#backup-file')
        .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
      await shortlist.getByRole('radio', { name: /^Merge/ }).check();
      await shortlist.waitForSelector('.preview-table');
      await shortlist.getByRole('button', { name: 'Import and merge' }).click();
      const alert = shortlist.getByRole('alert').filter({ hasText: 'The import failed and nothing was changed' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(FULL_DISK);

      expect(await dumpDb(probe)).toEqual(before);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
    }

    // Room again: the same save succeeds, once.
    const popup = await scout.openPopup(profile);
    expect(await popup.text()).toContain('Not on a shortlist yet.');
    await popup.clickButton('Save to shortlist');
    await popupShows(popup, /Saved to /, 'the save after the disk was freed');
    expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(savedWhole);
    await shortlist.close();
  }, 120_000);

  it('everything is still there, once, after the browser is closed and opened again with the same profile', async () => {
    // One creator saved through the worker, then a second added by the shortlist page the moment before the
    // browser closes: the last write must survive too.
    const page = await openExtensionPage(scout, 'shortlist.html');
    expect(await saveFrom(page, await tabIdOf(page, PROFILE))).toMatchObject({ ok: true });
    const add = await prepareList(page, OTHER_PROFILE);
    await add.click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Added 1 to / })
      .waitFor();
    const before = await dumpDb(probe);
    const settings = await (await scout.worker()).evaluate('chrome.storage.local.get(null)');
    expect(holdingOf(before, CREATOR)).toEqual(savedWhole);
    expect(recordsOf(before, 'creators')).toHaveLength(2);

    await scout.context.close();
    scout = await launchScout({ userDataDir, server });
    probe = await openProbe(scout);
    expect(await dumpDb(probe)).toEqual(before);
    expect(await (await scout.worker()).evaluate('chrome.storage.local.get(null)')).toEqual(settings);
    // And the shortlist page shows every entry.
    const shortlist = await openExtensionPage(scout, 'shortlist.html');
    const entryKeys = recordsOf<{ key: string }>(before, 'entries').map((e) => e.key);
    await expect
      .poll(async () => (await shortlist.locator('tbody tr[data-key]').evaluateAll(rowKeys)).sort())
      .toEqual(entryKeys.sort());
    await shortlist.close();
    // (Opened only now: a visit to a saved creator's page updates its visit, as it should.)
    profile = await scout.open(PROFILE);
  });

  // The worker keeps one connection for its life, which may be hours while a popup keeps it busy. lib/store/db.ts
  // closes a connection when another context deletes or upgrades the database (here: deleted, as DevTools' "Clear
  // site data" does); the worker must open it again rather than fail every read and save ("The database connection
  // is closing") until Chrome happens to stop it.
  it('the worker saves again after its database connection was closed under it', async () => {
    await clearShortlist(probe);
    const first = await scout.openPopup(profile);
    expect(await first.text()).toContain('Not on a shortlist yet.'); // the worker has the database open
    await closeExtensionPages(scout, [probe]);
    await deleteDb(probe);
    // The options page creates it again, with the sample campaign.
    const options = await openExtensionPage(scout, 'options.html');
    await options.locator('li.campaign').first().waitFor();
    const popup = await scout.openPopup(profile);
    expect(await popup.text()).toContain('Not on a shortlist yet.');
    await popup.clickButton('Save to shortlist');
    await popupShows(popup, /Saved to /, 'the save');
    expect(holdingOf(await dumpDb(probe), CREATOR)).toEqual(savedWhole);
    await options.close();
  });

  describe('a database from every earlier schema version, with data in it, opened by the extension', () => {
    it('has a recorded database for every earlier version', () => {
      expect(RECORDED.map((r) => r.version)).toEqual(Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1));
    });

    for (const recorded of RECORDED) {
      it(`version ${recorded.version} (${recorded.file}): every creator, entry, campaign and visit kept, none twice`, async () => {
        // Nothing of the extension may hold the database, or open it at the current version, while it is seeded.
        await closeExtensionPages(scout, [probe]);
        // Stopped first, so that the worker cannot open the database again (at the current version) in between.
        await scout.stopWorker();
        await deleteDb(probe);
        await probe.evaluate(recorded.script);
        const before = (await dumpDb(probe))!;
        expect(before.version).toBe(recorded.version);
        expect(recordsOf(before, 'entries').length).toBeGreaterThan(0);
        // Stopped, so that the shortlist page below is the first of the extension to open the seeded database.
        await scout.stopWorker();

        // The shortlist page is the first to open it at the current version: the upgrade runs there.
        const shortlist = await openExtensionPage(scout, 'shortlist.html');
        const entryKeys = recordsOf<{ key: string }>(before, 'entries').map((e) => e.key);
        await expect
          .poll(async () => (await shortlist.locator('tbody tr[data-key]').evaluateAll(rowKeys)).sort())
          .toEqual([...entryKeys].sort());
        const after = (await dumpDb(probe))!;
        expect(after.version).toBe(DB_VERSION);
        for (const store of ['creators', 'entries', 'campaigns']) {
          expect(keysOf(after, store), store).toEqual(keysOf(before, store));
        }
        // A later version may add settings of its own, never drop one.
        expect(keysOf(after, 'meta')).toEqual(expect.arrayContaining(keysOf(before, 'meta')));
        expect(visitsOf(after)).toEqual(visitsOf(before));
        const identity = (dump: DbDump) =>
          recordsOf<{ key: string; creatorKey: string; campaignId: string; status: string; notes: string }>(
            dump,
            'entries',
          ).map(({ key, creatorKey, campaignId, status, notes }) => ({ key, creatorKey, campaignId, status, notes }));
        expect(identity(after)).toEqual(identity(before));

        // The worker reads it too: the popup offers the recorded active campaign.
        const active = recordsOf<{ key: string; value: string }>(before, 'meta').find(
          (m) => m.key === 'activeCampaignId',
        )?.value;
        const campaign = recordsOf<{ id: string; name: string }>(before, 'campaigns').find((c) => c.id === active);
        if (campaign) expect(await (await scout.openPopup(profile)).text()).toContain(campaign.name);
        await shortlist.close();
      });
    }
  });
});

/** The keys of a store's records, sorted. */
function keysOf(dump: DbDump, store: string): string[] {
  return (dump.stores[store] ?? []).map((r) => JSON.stringify(r.key)).sort();
}

/** The entry key each rendered shortlist row stands for. */
function rowKeys(rows: Element[]): string[] {
  return rows.map((row) => row.getAttribute('data-key') ?? '');
}
