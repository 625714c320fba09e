/**
 * What the background stores for an assessed reading, and what the shortlist makes of it: a visit keeps the reading
 * and the settings, not the assessment, and the compare panel's signals — recomputed from them — are those of the
 * assessment the background made. Everything here goes through the functions the worker and the shortlist page use.
 */
import { describe, expect, it } from 'vitest';
import { assessProfile, DEFAULT_SETTINGS, type Assessment, type AssessSettings } from '../../../lib/assess';
import { assessReading } from '../../../lib/background/tab-assessment';
import { recordAssessedVisit, saveAssessed } from '../../../lib/background/save-visit';
import { followerHistory } from '../../../lib/background/shortlist-view';
import { sampleCampaign } from '../../../lib/fit';
import { tiktok } from '../../../lib/platforms/tiktok';
import type { ProfileReading } from '../../../lib/reading';
import { signalCount } from '../../../lib/shortlist/compare';
import { latestAssessment, latestSignals } from '../../../lib/shortlist/latest-assessment';
import { exportBackup, importBackup } from '../../../lib/store/backup';
import type { ScoutDb } from '../../../lib/store/db';
import { history, putCampaign, setActiveCampaignId } from '../../../lib/store/repo';
import { loadDocument, manifestEntry } from '../../helpers/fixtures';
import { exact } from '../assess/synthetic';
import { DAY, freshDb, withStoredAssessment } from '../store/helpers';

const MINUTE = 60_000;
const T1 = 1_700_000_000_000;
const KEY = 'tiktok:illojuan';

const entry = manifestEntry('tiktok/profile-illojuan.html');
const illojuan = tiktok.read(loadDocument(entry.file, entry.url), new URL(entry.url), T1) as ProfileReading;
/** The saved page read at `at`, showing `followers`. */
const readAt = (at: number, followers: number): ProfileReading => ({
  ...illojuan,
  readAt: at,
  followers: exact(followers),
});

/** Settings the marketer changed (tiers and rates), so a recomputation with the defaults would differ. */
const SETTINGS: AssessSettings = {
  ...DEFAULT_SETTINGS,
  tiers: { nano: 500, micro: 5_000, mid: 50_000, macro: 250_000, mega: 5_000_000 },
  pricePer1000Followers: { ...DEFAULT_SETTINGS.pricePer1000Followers, tiktok: 12 },
};

const campaign = sampleCampaign(1);

async function withCampaign(): Promise<ScoutDb> {
  const { db } = await freshDb();
  await putCampaign(db, campaign);
  await setActiveCampaignId(db, campaign.id);
  return db;
}

/** The tab's assessment, as the worker's `update` makes it: with the follower history the store holds now. */
async function tabAssessment(db: ScoutDb, reading: ProfileReading): Promise<Assessment> {
  const state = assessReading(reading, SETTINGS, await followerHistory(db, reading));
  if (!state.assessment) throw new Error('a profile reading is assessed');
  return state.assessment;
}

/** A page visit as the worker handles it: assessed, then recorded for a saved creator. */
async function visit(db: ScoutDb, reading: ProfileReading): Promise<Assessment> {
  const assessment = await tabAssessment(db, reading);
  await recordAssessedVisit(db, reading, assessment);
  return assessment;
}

const followerJump = (assessment: unknown) =>
  (assessment as Assessment).signals.find((signal) => signal.id === 'follower-jump');

describe('a visit saved by the background', () => {
  it('keeps the reading and the settings, not the assessment', async () => {
    const db = await withCampaign();
    const reading = readAt(T1, 700_000);
    const tab = await tabAssessment(db, reading);
    await saveAssessed(db, reading, tab.settings, campaign, T1 + 5_000);
    const [saved] = await history(db, KEY);
    expect(saved?.reading).toEqual(reading);
    expect(saved?.settings).toEqual(SETTINGS);
    expect(saved).not.toHaveProperty('assessment');
    // The record is the reading and ~200 characters more, not the assessment's ~20,000.
    const record = JSON.stringify(await db.get('histories', KEY));
    expect(record.length - JSON.stringify(reading).length).toBeLessThan(800);
    expect(JSON.stringify(tab).length).toBeGreaterThan(10_000);
  });

  it('gives the compare panel the signals of the assessment the background made, visit after visit', async () => {
    const db = await withCampaign();
    const first = readAt(T1, 700_000);
    const tab = await tabAssessment(db, first);
    const saved = await saveAssessed(db, first, tab.settings, campaign, T1 + 5_000);
    let visits = await history(db, KEY);
    expect(latestAssessment(visits)).toEqual(saved.assessment);
    expect(latestSignals(visits)).toEqual(signalCount(saved.assessment));
    // Saved seconds after the page was read: the popup showed the same assessment.
    expect(saved.assessment).toEqual(tab);
    // With the marketer's settings, not today's defaults.
    expect((latestAssessment(visits) as Assessment).tier).not.toEqual(assessProfile(first, DEFAULT_SETTINGS).tier);

    // Three days later, 30% more followers: the recomputed assessment compares with the saved visit, as the
    // background's did.
    const later = await visit(db, readAt(T1 + 3 * DAY, 910_000));
    expect(followerJump(later)?.status).toBe('raised');
    visits = await history(db, KEY);
    expect(visits).toHaveLength(2);
    expect(visits[0]).not.toHaveProperty('settings');
    expect(latestAssessment(visits)).toEqual(later);
    expect(latestSignals(visits)).toEqual(signalCount(later));

    // Reloaded ten minutes later: the same visit, replaced, and still compared with the first one only.
    const reload = await visit(db, readAt(T1 + 3 * DAY + 10 * MINUTE, 910_100));
    visits = await history(db, KEY);
    expect(visits).toHaveLength(2);
    expect(followerJump(reload)).toMatchObject({ status: 'raised', inputs: { from: 700_000, to: 910_100 } });
    // (The first visit was saved 5 seconds after its page was read.)
    expect(followerJump(reload)?.inputs.days).toBe((3 * DAY + 10 * MINUTE - 5_000) / DAY);
    expect(latestAssessment(visits)).toEqual(reload);
    expect(latestSignals(visits)).toEqual(signalCount(reload));
  });

  it('saves what the shortlist will recompute even when the page was read long before the save', async () => {
    const db = await withCampaign();
    await saveAssessed(db, readAt(T1, 700_000), SETTINGS, campaign, T1);
    // Read 50 minutes after that visit (the same visit: the tab compares with nothing), saved two hours later from
    // the tab's stored state: the saved visit is a new one, compared with the first.
    const reading = readAt(T1 + 50 * MINUTE, 700_500);
    const tab = await tabAssessment(db, reading);
    expect(followerJump(tab)?.status).toBe('not-checked');
    const saved = await saveAssessed(db, reading, tab.settings, campaign, T1 + 2 * 60 * MINUTE);
    expect(followerJump(saved.assessment)?.status).toBe('clear');
    const visits = await history(db, KEY);
    expect(visits.map((v) => v.at)).toEqual([T1, T1 + 2 * 60 * MINUTE]);
    expect(latestAssessment(visits)).toEqual(saved.assessment);
  });

  it('is recomputed the same from a backup, and the backup round-trips with old records too', async () => {
    const db = await withCampaign();
    const reading = readAt(T1, 700_000);
    const saved = await saveAssessed(db, reading, (await tabAssessment(db, reading)).settings, campaign, T1);
    const other = readAt(T1, 50_000);
    const old = { ...other, handle: 'older', url: 'https://www.tiktok.com/@older' };
    await saveAssessed(db, old, SETTINGS, campaign, T1);
    // A creator saved before visits kept settings: its whole assessment, shown as it is.
    const stored = JSON.parse(JSON.stringify(assessProfile(old, DEFAULT_SETTINGS))) as Assessment;
    stored.signals[0]!.status = 'raised';
    await withStoredAssessment(db, 'tiktok:older', stored);

    const text = await exportBackup(db, 0);
    const { db: copy } = await freshDb();
    expect((await importBackup(copy, text, 'replace')).ok).toBe(true);
    expect(await exportBackup(copy, 0)).toBe(text);
    expect(latestAssessment(await history(copy, KEY))).toEqual(saved.assessment);
    expect(latestSignals(await history(copy, 'tiktok:older'))).toEqual(signalCount(stored));
    expect(latestAssessment(await history(copy, 'tiktok:older'))).toEqual(stored);
    db.close();
    copy.close();
  });
});
