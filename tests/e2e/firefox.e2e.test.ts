/**
 * The Firefox build in Debian's Firefox ESR: installed as a person would try it (temporarily, unpacked), it reads a
 * saved Instagram profile on its real address, the popup beside that profile shows and saves the creator, and the
 * shortlist and options pages work. The Chromium tests cover each feature in depth; this checks that the Firefox
 * build runs them at all (MV2 background page, browserAction, storage.session, IndexedDB from a moz-extension page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxScout } from './firefox-harness';
import { waitFor } from './harness';
import { exportBackup } from '../../lib/store/backup';
import { putCampaign, saveCreator } from '../../lib/store/repo';
import { T0, campaign, freshDb, reading } from '../lib/store/helpers';

const PROFILE = 'https://www.instagram.com/pluto__travel/';

let firefox: FirefoxScout;
beforeAll(async () => {
  firefox = await launchFirefox();
}, 90_000);
afterAll(async () => {
  await firefox?.close();
});

/** The document of the popup page the test opened in a tab, from another of the extension's pages. */
const POPUP_DOC = `browser.extension.getViews({ type: 'tab' }).find((w) => w.location.pathname === '/popup.html')?.document`;

/** The popup's text once it shows the creator. */
const POPUP_TEXT = `(() => {
  const doc = ${POPUP_DOC};
  if (!doc || doc.readyState !== 'complete' || doc.querySelector('main[aria-busy="true"]')) return undefined;
  const text = doc.body.innerText;
  return text.includes('@pluto__travel') ? text : undefined;
})()`;

describe('the Firefox build', () => {
  it('reads a saved profile on its real address, shows it in the popup and saves it to the shortlist', async () => {
    const profile = await firefox.open(PROFILE);
    expect(await profile.title()).toContain('@pluto__travel');
    const shortlist = await firefox.openExtensionPage('shortlist.html');

    // The content script read the page and the background assessed it: the toolbar badge says the tier. (This saved
    // page never shows the rendered header the reader waits for, so it reads after its 10 s wait.)
    const tabId = await waitFor(
      () =>
        shortlist.evaluate(
          `browser.tabs.query({ url: 'https://www.instagram.com/*' }).then(([tab]) => tab ? tab.id : undefined)`,
        ) as Promise<number | undefined>,
      'the profile tab',
      15_000,
    );
    const badge = await waitFor(
      () =>
        shortlist.evaluate(
          `browser.browserAction.getBadgeText({ tabId: ${tabId} }).then((text) => text || undefined)`,
        ) as Promise<string | undefined>,
      'the badge',
      20_000,
    );
    expect(badge).toBe('nano');

    // The popup asks for its window's active tab: opened in a background tab beside the active profile, it speaks
    // of the profile, as it does when opened from the toolbar (which BiDi cannot click).
    await shortlist.evaluate(`(async () => {
      await browser.tabs.update(${tabId}, { active: true });
      await browser.tabs.create({ url: browser.runtime.getURL('/popup.html'), active: false });
    })()`);
    const text = await waitFor(
      () => shortlist.evaluate(POPUP_TEXT) as Promise<string | undefined>,
      'the popup',
      15_000,
    );
    expect(text).toMatch(/Tier\s+nano/);
    expect(text).toContain('Save to shortlist');

    await shortlist.evaluate(
      `[...${POPUP_DOC}.querySelectorAll('button')].find((b) => b.textContent === 'Save to shortlist').click()`,
    );
    const saved = await waitFor(
      () =>
        shortlist.evaluate(`(() => {
          const status = ${POPUP_DOC}.querySelector('[data-testid="saved-status"]')?.textContent;
          return status && status !== 'Not on a shortlist yet.' ? status : undefined;
        })()`) as Promise<string | undefined>,
      'the saved status',
      15_000,
    );
    expect(saved).toMatch(/saved in .* \(prospect\)/);

    // The shortlist page, opened afresh, lists the creator from the extension's IndexedDB.
    const reopened = await firefox.openExtensionPage('shortlist.html');
    const row = await waitFor(
      () =>
        reopened.evaluate(
          `document.querySelector('tbody tr[data-key] td.col-handle')?.textContent || undefined`,
        ) as Promise<string | undefined>,
      'the shortlisted row',
      15_000,
    );
    expect(row).toContain('@pluto__travel');
  });

  // One saved profile per site (Instagram above): each site has a content script of its own.
  it.each([
    ['TikTok', 'https://www.tiktok.com/@illojuan', '783.4K'],
    ['X', 'https://x.com/Kikobeats', '3,893'],
    ['YouTube', 'https://www.youtube.com/channel/UCs6nmQViDpUw0nuIx9c_WvA/videos', '1.65M subscribers'],
  ])('reads a saved %s profile: the follower count it shows reaches the background', async (_site, url, shown) => {
    const page = await firefox.open(url);
    const extension = await firefox.openExtensionPage('options.html');
    const followers = await waitFor(
      () =>
        extension.evaluate(`(async () => {
          const [tab] = await browser.tabs.query({ url: ${JSON.stringify(url)} });
          const key = 'tab:' + tab.id;
          const state = (await browser.storage.session.get(key))[key];
          return state?.reading?.followers?.text;
        })()`) as Promise<string | undefined>,
      `the reading of ${url}`,
      20_000,
    );
    expect(followers).toBe(shown);
    await Promise.all([page.close(), extension.close()]);
  });

  it('restores a backup on the shortlist page and makes one (each in a worker of its own)', async () => {
    // A backup made by the store's own export, of a campaign with one creator.
    const { db } = await freshDb();
    await putCampaign(db, campaign('c-firefox', { name: 'Firefox restore' }));
    await saveCreator(db, {
      reading: reading('restored_creator', 4200),
      summary: {},
      campaignId: 'c-firefox',
      now: T0,
    });
    const backup = await exportBackup(db, T0);

    const shortlist = await firefox.openExtensionPage('shortlist.html');
    await shortlist.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Import…').click()`,
    );
    await waitFor(
      async () => (await shortlist.evaluate(`!!document.querySelector('#backup-file')`)) || undefined,
      'the import form',
      15_000,
    );
    // As the file picker does: the chosen file, then its change event.
    await shortlist.evaluate(`(() => {
      const input = document.querySelector('#backup-file');
      const files = new DataTransfer();
      files.items.add(new File([${JSON.stringify(backup)}], 'backup.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await waitFor(
      async () => (await shortlist.evaluate(`!!document.querySelector('.preview-table')`)) || undefined,
      'the preview',
      15_000,
    );
    await shortlist.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Import and merge').click()`,
    );
    const said = await waitFor(
      () =>
        shortlist.evaluate(
          `[...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent).find((t) => /Imported|failed/.test(t))`,
        ) as Promise<string | undefined>,
      'the import',
      15_000,
    );
    expect(said).toMatch(/^Imported "backup\.json" \(merge\): /);
    const row = await waitFor(
      () =>
        shortlist.evaluate(
          `[...document.querySelectorAll('tbody tr[data-key] td.col-handle')].map((td) => td.textContent).find((t) => t.includes('restored_creator'))`,
        ) as Promise<string | undefined>,
      'the restored row',
    );
    expect(row).toContain('@restored_creator');

    // And a backup of it is made, in a worker too, and offered as a file.
    await shortlist.evaluate(
      `[...document.querySelectorAll('button')].find((b) => b.textContent === 'Export backup').click()`,
    );
    const exported = await waitFor(
      () =>
        shortlist.evaluate(
          `[...document.querySelectorAll('[role="status"], [role="alert"]')].map((e) => e.textContent).find((t) => /Backup exported|could not/.test(t))`,
        ) as Promise<string | undefined>,
      'the backup',
      15_000,
    );
    expect(exported).toBe('Backup exported.');
    await shortlist.close();
  });

  it('opens the options page with the sample campaign, and nothing it runs reports an error', async () => {
    const options = await firefox.openExtensionPage('options.html');
    const text = await waitFor(
      () =>
        options.evaluate(
          `document.body.innerText.includes('Sample: travel & food creators') ? document.body.innerText : undefined`,
        ) as Promise<string | undefined>,
      'the sample campaign',
      15_000,
    );
    expect(text).toContain('Creator Scout');
    expect(firefox.errors()).toEqual([]);
  });
});
