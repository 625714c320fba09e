/**
 * The popup draws the tab's stored reading at once and then the page's fresh capture over it, in the real
 * extension: the page is held (its JavaScript paused in the debugger, as a busy page would be) while the popup
 * opens, so the stored reading must be what it shows; released, its capture must replace the stored one in place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { launchScout, waitFor, type Popup, type Scout } from './harness';

const PROFILE = 'https://www.tiktok.com/@illojuan';
const postsLine = (popup: Popup) =>
  popup.evaluate<string | null>(`document.querySelector('.posts-summary')?.textContent ?? null`);

/** Waits until the worker holds a reading of the one page open since storage was cleared. */
async function storedReading(scout: Scout): Promise<void> {
  const sw = await scout.worker();
  await expect
    .poll(() => sw.evaluate<string>('chrome.storage.session.get(null).then(JSON.stringify)'), { timeout: 10_000 })
    .toContain('"handle":"illojuan"');
}

/** Adds a post tile to the profile's grid, as infinite scroll does, without the scroll that would report it. */
async function addTile(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tiles = document.querySelectorAll('[data-e2e="user-post-item"]');
    const tile = tiles[tiles.length - 1]!.cloneNode(true) as Element;
    tile
      .querySelector('a[href*="/video/"]')!
      .setAttribute('href', 'https://www.tiktok.com/@illojuan/video/7000000000000000001');
    tiles[tiles.length - 1]!.after(tile);
  });
}

/** Pauses the page's JavaScript at its next statement — the content script's answer to the worker. */
async function holdPage(page: Page): Promise<{ cdp: CDPSession; paused: Promise<void>; release(): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Debugger.enable');
  const paused = new Promise<void>((resolve) => cdp.once('Debugger.paused', () => resolve()));
  await cdp.send('Debugger.pause');
  return {
    cdp,
    paused,
    async release() {
      await cdp.send('Debugger.resume').catch(() => undefined);
      await cdp.send('Debugger.disable').catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

describe('the popup shows the stored reading first, then the fresh one', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
  });
  afterAll(async () => scout?.close());

  it('shows the stored reading while the page does not answer, and the fresh capture in place once it does', async () => {
    const page = await scout.open(PROFILE);
    await storedReading(scout);
    await addTile(page);
    const held = await holdPage(page);
    try {
      const popup = await scout.openPopup(page);
      const text = await popup.text();
      // The reading stored when the page was read: 18 posts, the exact follower count.
      expect(text).toMatch(/Followers\s+783,427/);
      expect(await postsLine(popup)).toBe('18 posts visible on the page, 18 with view counts.');
      // The popup has asked the page for a fresh capture, and the page is not answering.
      await held.paused;
      expect(await postsLine(popup)).toBe('18 posts visible on the page, 18 with view counts.');
      // Whatever happens next must happen to these elements: mark them, and put the focus on a button.
      await popup.evaluate(`(() => {
        document.querySelector('main').scoutProbe = 'stored';
        [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open shortlist').focus();
      })()`);

      await held.release();
      await expect
        .poll(() => postsLine(popup), { timeout: 5000 })
        .toBe('19 posts visible on the page, 19 with view counts.');
      expect(await popup.evaluate<string>(`document.querySelector('main').scoutProbe`)).toBe('stored');
      expect(await popup.evaluate<string>('document.activeElement.textContent')).toBe('Open shortlist');
      expect(await popup.evaluate<string>('document.body.innerText')).toMatch(/Followers\s+783,427/);
      // The fresh capture is now the stored one: the next popup starts from it.
      const again = await (await scout.openPopup(page)).text();
      expect(again).toContain('19 posts visible on the page');
    } finally {
      await held.release();
      await page.close();
    }
  });

  it('reads the page when nothing is stored for it yet, saying "Reading this page…" meanwhile', async () => {
    const page = await scout.open(PROFILE);
    await storedReading(scout);
    // As after the worker was reloaded with the page already open: storage holds nothing for the tab, and the
    // worker (stopped, so it keeps nothing in memory either) starts again when the popup asks.
    const sw = await scout.worker();
    await sw.evaluate('chrome.storage.session.clear()');
    await scout.stopWorker();
    const held = await holdPage(page);
    try {
      const popup = await scout.openPopup(page);
      await held.paused;
      // The worker gives up on a page that does not answer after 3 s (FRESH_CAPTURE_TIMEOUT_MS); if this fails,
      // say what the popup showed instead and when.
      const asked = Date.now();
      await waitFor(
        async () => (await popup.evaluate<boolean>(`!!document.querySelector('main[aria-busy="true"]')`)) || undefined,
        'the popup to say it is reading',
      ).catch(async (error: Error) => {
        const shown = await popup.evaluate<string>('document.body.innerText').catch(String);
        throw new Error(`${error.message}; ${Date.now() - asked} ms after the page paused it shows:\n${shown}`);
      });
      expect(await popup.evaluate<string>('document.body.innerText')).toContain('Reading this page…');
      await held.release();
      const text = await popup.text();
      expect(text).toContain('@illojuan');
      expect(text).toMatch(/Followers\s+783,427/);
    } finally {
      await held.release();
      await page.close();
    }
  });
});
