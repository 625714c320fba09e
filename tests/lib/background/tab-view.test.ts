/**
 * The worker's two answers to "what does this tab show": the stored one, which never waits for the page, and the
 * fresh one, which asks the page but falls back to the stored state when the page does not answer in time. Wired
 * to the real tab-state storage (over a plain in-memory area) and the real shortlist (over fake-indexeddb).
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/assess';
import { shortlistView } from '../../../lib/background/shortlist-view';
import { assessReading } from '../../../lib/background/tab-assessment';
import { tabStates, type KeyValueArea, type TabState } from '../../../lib/background/tab-state';
import { freshState, storedState, tabViewOf, type TabPage, type TabSources } from '../../../lib/background/tab-view';
import type { Reading } from '../../../lib/reading';
import { putCampaign, saveCreator } from '../../../lib/store/repo';
import { campaign, freshDb, reading } from '../store/helpers';

const TAB = 7;
const PAGE: TabPage = { url: new URL('https://www.instagram.com/ana/'), platform: 'instagram' };
const stored = assessReading(reading('ana', 12_000), DEFAULT_SETTINGS);
/** What the page shows now: the same profile, more followers. */
const fresh = assessReading(reading('ana', 12_500, { readAt: 1_700_000_060_000 }), DEFAULT_SETTINGS);

function memoryArea(): KeyValueArea {
  const data = new Map<string, unknown>();
  return {
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key) => void data.delete(key),
  };
}

/**
 * A tab showing `page` (null: not a supported site), with `state` stored for it (null: nothing), whose page
 * answers a fresh capture with `capture`. By default: @ana's profile, read at 12,000 followers, now showing 12,500.
 */
async function tab({
  state = stored as TabState | null,
  page = PAGE as TabPage | null,
  capture = async (): Promise<Reading | undefined> => fresh.reading,
} = {}) {
  const states = tabStates(memoryArea());
  if (state) await states.set(TAB, state);
  const sources: TabSources = {
    page: vi.fn(async () => page ?? undefined),
    stored: vi.fn((id: number) => states.get(id)),
    // As the worker does: the page's capture is assessed and stored before it is answered.
    fresh: vi.fn(async (id: number) => {
      const captured = await capture();
      if (!captured) return undefined;
      const next = assessReading(captured, DEFAULT_SETTINGS);
      await states.set(id, next);
      return next;
    }),
  };
  return { sources, states };
}

const followersOf = (state: TabState | undefined) =>
  state?.reading.kind === 'profile' && state.reading.followers.status === 'known'
    ? state.reading.followers.value
    : undefined;

describe('the stored view: what the popup draws at once', () => {
  it('is the state assessed when the page was read, without asking the page', async () => {
    const { sources } = await tab();
    const current = await storedState(TAB, sources);
    expect(followersOf(current.state)).toBe(12_000);
    expect(current.state?.assessment?.tier).toMatchObject({ status: 'known', tier: 'micro' });
    expect(sources.fresh).not.toHaveBeenCalled();
  });

  it('reads the tab’s address and its stored state at the same time', async () => {
    const { sources } = await tab();
    let release: () => void = () => undefined;
    sources.page = vi.fn(() => new Promise<TabPage>((resolve) => (release = () => resolve(PAGE))));
    const pending = storedState(TAB, sources);
    await Promise.resolve();
    // The stored state was asked for while the address was still on its way.
    expect(sources.stored).toHaveBeenCalledWith(TAB);
    release();
    expect(followersOf((await pending).state)).toBe(12_000);
  });

  it('is no reading when the tab has moved on to another page since it was read', async () => {
    const { sources } = await tab({
      page: { url: new URL('https://www.instagram.com/bob/'), platform: 'instagram' },
    });
    const current = await storedState(TAB, sources);
    expect(current.state).toBeUndefined();
    expect(await tabViewOf(current, shortlistNever, String)).toEqual({
      state: 'waiting',
      platform: 'instagram',
      url: 'https://www.instagram.com/bob/',
    });
  });

  it('is "unsupported" on a tab the extension cannot read, whatever was stored for it', async () => {
    const { sources } = await tab({ page: null });
    expect(await tabViewOf(await storedState(TAB, sources), shortlistNever, String)).toEqual({
      state: 'unsupported',
    });
  });
});

describe('the fresh view: after the page captured itself again', () => {
  it('is the page’s new capture, assessed and stored', async () => {
    const { sources, states } = await tab();
    const current = await freshState(TAB, sources);
    expect(followersOf(current.state)).toBe(12_500);
    expect(followersOf(await states.get(TAB))).toBe(12_500);
  });

  it('reads a page that had not been stored yet (the popup opened before the page reported)', async () => {
    const { sources } = await tab({ state: null });
    expect(followersOf((await storedState(TAB, sources)).state)).toBeUndefined();
    expect(followersOf((await freshState(TAB, sources)).state)).toBe(12_500);
  });

  it('falls back to the stored state when the page is gone or its capture is refused', async () => {
    const gone = await tab({ capture: () => Promise.reject(new Error('Receiving end does not exist')) });
    expect(followersOf((await freshState(TAB, gone.sources)).state)).toBe(12_000);
    const refused = await tab({ capture: async () => undefined });
    expect(followersOf((await freshState(TAB, refused.sources)).state)).toBe(12_000);
  });

  it('falls back to the stored state when the page does not answer in time', async () => {
    vi.useFakeTimers();
    try {
      const { sources } = await tab({ capture: () => new Promise(() => undefined) });
      const pending = freshState(TAB, sources, 3000);
      await vi.advanceTimersByTimeAsync(2999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(followersOf((await pending).state)).toBe(12_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not ask a page the extension cannot read', async () => {
    const { sources } = await tab({ page: null });
    expect(await freshState(TAB, sources)).toEqual({});
    expect(sources.fresh).not.toHaveBeenCalled();
  });
});

describe('the popup’s view of a state', () => {
  it('carries the shortlist’s side for a profile: the campaigns, the fit and whether the creator is saved', async () => {
    const { db } = await freshDb();
    await putCampaign(db, campaign('c1', { name: 'Spring', tiers: ['micro'] }));
    const { sources } = await tab();
    const shortlist = (r: Parameters<typeof shortlistView>[1], a: Parameters<typeof shortlistView>[2]) =>
      shortlistView(db, r, a);
    const before = await tabViewOf(await storedState(TAB, sources), shortlist, String);
    expect(before).toMatchObject({ state: 'read', shortlist: { activeCampaignId: 'c1', saved: { saved: false } } });
    expect(before.state === 'read' && before.shortlist?.fit?.score).toEqual(expect.any(Number));

    const saved = reading('ana', 12_000);
    await saveCreator(db, { reading: saved, summary: {}, campaignId: 'c1', now: 1_700_000_000_000 });
    const after = await tabViewOf(await storedState(TAB, sources), shortlist, String);
    expect(after).toMatchObject({ shortlist: { saved: { saved: true, campaigns: [{ campaignName: 'Spring' }] } } });
  });

  it('still shows the reading when the shortlist cannot be read, and says why', async () => {
    const { sources } = await tab();
    const view = await tabViewOf(
      await storedState(TAB, sources),
      () => Promise.reject(new Error('disk full')),
      (error) => `The shortlist could not be read: ${(error as Error).message}`,
    );
    expect(view).toMatchObject({ state: 'read', storageProblem: 'The shortlist could not be read: disk full' });
    expect(view.state === 'read' && followersOf(view)).toBe(12_000);
  });

  it('asks nothing of the shortlist for a page that is not a profile', async () => {
    const other: Reading = {
      kind: 'other',
      platform: 'instagram',
      url: PAGE.url.href,
      lang: 'en',
      readAt: 1,
      reason: 'feed',
    };
    const shortlist = vi.fn(shortlistNever);
    const view = await tabViewOf({ page: PAGE, state: { reading: other } }, shortlist, String);
    expect(view).toEqual({ state: 'read', reading: other });
    expect(shortlist).not.toHaveBeenCalled();
  });
});

function shortlistNever(): never {
  throw new Error('the shortlist should not be asked');
}
