import { describe, expect, it } from 'vitest';
import { assessProfile, DEFAULT_SETTINGS } from '../../../lib/assess';
import { badgeFor, shortPercent } from '../../../lib/background/badge';
import { creatorSummary } from '../../../lib/background/creator-summary';
import { assessReading } from '../../../lib/background/tab-assessment';
import { tabStates, type KeyValueArea } from '../../../lib/background/tab-state';
import { shortlistView, followerHistory } from '../../../lib/background/shortlist-view';
import { fitInputFrom } from '../../../lib/fit/from-assessment';
import { sampleCampaign, scoreFit } from '../../../lib/fit';
import { tiktok } from '../../../lib/platforms/tiktok';
import type { ProfileReading, Reading } from '../../../lib/reading';
import { putCampaign, saveCreator, setActiveCampaignId } from '../../../lib/store/repo';
import { loadDocument, manifestEntry } from '../../helpers/fixtures';
import { exact, post, profile } from '../assess/synthetic';
import { freshDb } from '../store/helpers';

function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key) => void data.delete(key),
  };
}

const illojuanEntry = manifestEntry('tiktok/profile-illojuan.html');
const illojuan = tiktok.read(
  loadDocument(illojuanEntry.file, illojuanEntry.url),
  new URL(illojuanEntry.url),
  1_700_000_000_000,
) as ProfileReading;

describe('the assessment of the saved @illojuan profile', () => {
  const state = assessReading(illojuan, DEFAULT_SETTINGS);

  it('is macro: 783,427 followers is in 500K–1M', () => {
    expect(state.assessment?.tier).toMatchObject({ status: 'known', tier: 'macro', label: 'macro (500K–1M)' });
  });

  it('says why there is no engagement rate by followers: the grid shows views only', () => {
    expect(state.assessment?.engagement.byFollowers.status).toBe('not-enough-data');
    expect(state.assessment?.engagement.byFollowers.reason).toContain('views only');
    expect(state.assessment?.engagement.viewRate).toMatchObject({ status: 'ok', n: 12 });
  });

  it('estimates a price from the TikTok rate with its source', () => {
    const price = state.assessment!.price;
    expect(price.status).toBe('estimated');
    expect(price.low).toBeLessThan(price.high!);
    expect(price.factors.map((f) => f.source).join(' ')).toContain('price-estimator.impulze.ai');
  });

  it('shows the tier on the badge when there is no engagement rate', () => {
    expect(badgeFor(state)).toMatchObject({ text: 'mac' });
    expect(badgeFor(state)!.title).toContain('@illojuan');
  });
});

describe('badge', () => {
  it('shows the engagement rate, coloured by the benchmark verdict, and clears on other pages', () => {
    const reading = profile('instagram', {
      followers: exact(20_000),
      recentPosts: Array.from({ length: 12 }, () => post({ likes: 1_000, comments: 20 })),
    });
    const state = assessReading(reading, DEFAULT_SETTINGS);
    const badge = badgeFor(state)!;
    expect(badge.text).toBe('5.1%');
    expect(badge.color).toBe('#137333'); // 5.1% is above the 20K–100K benchmarks
    const other: Reading = {
      kind: 'other',
      platform: 'x',
      url: 'https://x.com/home',
      lang: 'en',
      readAt: 1,
      reason: 'feed',
    };
    expect(badgeFor({ reading: other })).toBeNull();
    expect(badgeFor(undefined)).toBeNull();
  });

  it('fits any rate in four characters', () => {
    expect(shortPercent(0.024)).toBe('2.4%');
    expect(shortPercent(0.125)).toBe('13%');
    expect(shortPercent(3.5)).toBe('350%');
    expect(shortPercent(25)).toBe('999+');
  });
});

describe('tabStates', () => {
  it('keeps the latest state per tab in the storage area (so a restarted worker finds it)', async () => {
    const area = memoryArea();
    const state = assessReading(illojuan, DEFAULT_SETTINGS);
    await tabStates(area).set(7, state);
    // A new instance, as after the worker was stopped, reads it back.
    expect(await tabStates(area).get(7)).toEqual(state);
    expect(await tabStates(area).get(8)).toBeUndefined();
    await tabStates(area).remove(7);
    expect(await tabStates(area).get(7)).toBeUndefined();
  });

  it('drops a stored value that no longer matches the schema, and an assessment of another version', async () => {
    const area = memoryArea();
    area.data.set('tab:3', { reading: { kind: 'profile', followers: NaN } });
    expect(await tabStates(area).get(3)).toBeUndefined();
    area.data.set('tab:4', { reading: illojuan, assessment: { version: 0 } });
    expect(await tabStates(area).get(4)).toEqual({ reading: illojuan });
  });
});

describe('fit input and shortlist summary from an assessment', () => {
  const reading = profile('instagram', {
    followers: exact(45_000),
    bio: 'Travel and food in Lisbon',
    recentPosts: Array.from({ length: 12 }, (_, i) =>
      post({ likes: 900 + i, comments: 30 }, { caption: `#travel day ${i}` }),
    ),
  });
  const assessment = assessProfile(reading, DEFAULT_SETTINGS);

  it('passes what the page showed, and why anything is missing', () => {
    const input = fitInputFrom(reading, assessment);
    expect(input.followers).toEqual({ value: 45_000, exact: true, min: 45_000, max: 45_000 });
    expect(input.tier).toBe('micro');
    expect(input.engagementRate).toBeCloseTo(assessment.engagement.byFollowers.mean!, 10);
    expect(input.texts.captions).toHaveLength(12);
    expect(input.priceRange).toEqual({ min: assessment.price.low, max: assessment.price.high });
    const noPosts = profile('instagram', { followers: exact(45_000), recentPosts: [] });
    const bare = fitInputFrom(noPosts, assessProfile(noPosts, DEFAULT_SETTINGS));
    expect(bare.engagementRate).toBeUndefined();
    expect(bare.unknownReasons?.engagement).toMatch(/not enough data/);
  });

  it('scores the sample campaign and stores the headline figures on the creator', () => {
    const fit = scoreFit(sampleCampaign(0), fitInputFrom(reading, assessment));
    expect(fit.score).toBeGreaterThan(50);
    const summary = creatorSummary(assessment, fit);
    expect(summary).toMatchObject({ followers: { value: 45_000, exact: true }, tier: 'micro', fitScore: fit.score });
    expect(summary.engagementRate).toBeCloseTo(assessment.engagement.byFollowers.mean!, 10);
  });
});

describe('shortlistView', () => {
  it('gives the active campaign’s fit and the saved status with the follower change', async () => {
    const { db } = await freshDb();
    const campaign = sampleCampaign(1);
    await putCampaign(db, campaign);
    await setActiveCampaignId(db, campaign.id);
    const first = { ...illojuan, readAt: 1_000 };
    const a1 = assessProfile(first, DEFAULT_SETTINGS);
    expect((await shortlistView(db, first, a1)).saved).toEqual({ saved: false });
    await saveCreator(db, {
      reading: first,
      settings: a1.settings,
      summary: creatorSummary(a1, undefined),
      campaignId: campaign.id,
      now: 1_000,
    });
    const later = { ...illojuan, readAt: 3 * 86_400_000, followers: exact(800_000) };
    const a2 = assessProfile(later, DEFAULT_SETTINGS);
    await saveCreator(db, {
      reading: later,
      settings: a2.settings,
      summary: creatorSummary(a2, undefined),
      campaignId: campaign.id,
      now: later.readAt,
    });
    const view = await shortlistView(db, later, a2);
    expect(view.activeCampaignId).toBe(campaign.id);
    expect(view.fit?.campaignId).toBe(campaign.id);
    expect(view.saved).toMatchObject({
      saved: true,
      previousSeen: 1_000,
      followersChange: { from: 783_427, to: 800_000 },
    });
    // The history a reading is compared with: the visits beside one at its time, so not the visit it made itself
    // (nor one within the hour before, which it replaces) — but that visit for a reading an hour or more later.
    expect(await followerHistory(db, later)).toEqual([{ at: 1_000, followers: 783_427 }]);
    expect(await followerHistory(db, later, later.readAt + 3_600_000)).toEqual([
      { at: 1_000, followers: 783_427 },
      { at: later.readAt, followers: 800_000 },
    ]);
  });
});
