/**
 * A marketer's week, end to end: a creator saved three days ago (brought in from a backup made with the same
 * store code), visited again (a visit is added to their history and the popup says what changed), still there
 * after the browser is closed and reopened.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { assessProfile, DEFAULT_SETTINGS } from '../../lib/assess';
import { creatorSummary } from '../../lib/background/creator-summary';
import { newCampaign } from '../../lib/fit';
import { tiktok } from '../../lib/platforms/tiktok';
import type { ProfileReading } from '../../lib/reading';
import { exportBackup, openScoutDb, putCampaign, saveCreator } from '../../lib/store';
import { loadDocument, manifestEntry } from '../helpers/fixtures';
import { launchScout, type Scout } from './harness';

const DAY = 86_400_000;

/** A backup holding @illojuan, saved three days ago with 770,000 followers, in a campaign "Spring launch". */
async function backupFromThreeDaysAgo(): Promise<string> {
  const db = await openScoutDb(new IDBFactory());
  const then = Date.now() - 3 * DAY;
  const campaign = newCampaign({ name: 'Spring launch', objective: 'awareness' }, then);
  await putCampaign(db, campaign);
  const entry = manifestEntry('tiktok/profile-illojuan.html');
  const real = tiktok.read(loadDocument(entry.file, entry.url), new URL(entry.url), then) as ProfileReading;
  const reading: ProfileReading = {
    ...real,
    followers: {
      status: 'known',
      value: 770_000,
      text: '770K',
      exact: false,
      min: 769_500,
      max: 770_999,
      source: 'visible-text',
    },
  };
  const assessment = assessProfile(reading, DEFAULT_SETTINGS);
  await saveCreator(db, {
    reading,
    settings: assessment.settings,
    summary: creatorSummary(assessment, undefined),
    campaignId: campaign.id,
    now: then,
  });
  return exportBackup(db, then);
}

async function openShortlist(scout: Scout): Promise<Page> {
  const page = await scout.open(`chrome-extension://${scout.extensionId}/shortlist.html`);
  await page.bringToFront();
  await page.waitForSelector('main:not([aria-busy="true"])');
  return page;
}

describe('keeping a shortlist over a week', () => {
  let scout: Scout;
  beforeAll(async () => {
    scout = await launchScout();
  });
  afterAll(async () => {
    await scout?.close();
    // The second launch shares the first one's page server, so it is closed here.
    await scout?.server.close();
  });

  it('a revisit adds a visit and the popup says when the creator was last seen and how followers moved', async () => {
    const shortlist = await openShortlist(scout);
    await shortlist.getByRole('button', { name: 'Import…' }).click();
    await shortlist.locator('#backup-file').setInputFiles({
      name: 'creator-scout-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(await backupFromThreeDaysAgo()),
    });
    await shortlist.getByRole('radio', { name: /^Merge/ }).check();
    await shortlist.waitForSelector('.preview-table');
    await shortlist.getByRole('button', { name: 'Import and merge' }).click();
    await shortlist.getByRole('status').filter({ hasText: 'Imported' }).waitFor();
    await shortlist.close();

    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const text = await (await scout.openPopup(page)).text();
    // 770,000 then, 783,427 now: +1.74% (the earlier count was rounded, and the popup says so).
    expect(text).toMatch(
      /saved in Spring launch \(prospect\) · last seen 3 days ago · followers \+1\.74% \(rounded counts\)/,
    );
    await page.close();

    const again = await openShortlist(scout);
    const visits = await again.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const open = indexedDB.open('creator-scout');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('histories').objectStore('histories').get('tiktok:illojuan');
            request.onsuccess = () => resolve((request.result as { visits: { at: number }[] }).visits.map((v) => v.at));
          };
        }),
    );
    expect(visits).toHaveLength(2);
    await expect
      .poll(() => again.locator('tbody tr[data-key] td.col-handle a').allTextContents())
      .toContain('@illojuan');
    await again.close();
  });

  it('is all still there after the browser is closed and opened again with the same profile', async () => {
    const { userDataDir, server } = scout;
    await scout.context.close();
    scout = await launchScout({ userDataDir, server });
    const page = await scout.open('https://www.tiktok.com/@illojuan');
    const text = await (await scout.openPopup(page)).text();
    expect(text).toMatch(/saved in Spring launch \(prospect\)/);
    const shortlist = await openShortlist(scout);
    await expect
      .poll(() => shortlist.locator('tbody tr[data-key] td.col-handle a').allTextContents())
      .toContain('@illojuan');
  });
});
