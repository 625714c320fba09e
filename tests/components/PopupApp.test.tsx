// @vitest-environment jsdom
/**
 * The popup's life with the background answering when the test says so: the stored view is drawn first, the
 * fresh capture's view is drawn over it in place (same elements, focus and half-typed text kept), and an answer
 * that arrives late never replaces a newer one. The real popup is covered end to end in
 * tests/e2e/popup-refresh.e2e.test.ts.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp, SAVE_INTERRUPTED, type PopupRequests } from '../../components/PopupApp';
import { openPopupOn, type PopupOpening } from '../../components/popup-opening';
import { DEFAULT_SETTINGS } from '../../lib/assess';
import { assessReading } from '../../lib/background/tab-assessment';
import type { ShortlistView } from '../../lib/background/shortlist-view';
import type { ProfileReading } from '../../lib/reading';
import type { TabView } from '../../lib/tab-view';
import { likePosts } from '../lib/assess/synthetic';
import { reading } from '../lib/store/helpers';
import { until } from './until';

const TAB = 7;
const SHORTLIST: ShortlistView = {
  campaigns: [{ id: 'c1', name: 'Spring' }],
  activeCampaignId: 'c1',
  saved: { saved: false },
};

/** @ana's profile as the popup gets it: the page shows no follower count, and `posts` posts. */
function profileView(posts: number, overrides: Partial<ProfileReading> = {}): TabView {
  const r = reading('ana', undefined, { recentPosts: likePosts(Array(posts).fill([100, 5])), ...overrides });
  return { state: 'read', ...assessReading(r, DEFAULT_SETTINGS), shortlist: SHORTLIST };
}

/** A promise the test settles when it wants: the background answering late. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** The background, answering views as the test says; a view not given is never answered. */
function fakeRequests(views: Partial<Pick<PopupRequests, 'storedView' | 'freshView'>> = {}) {
  const never = () => new Promise<TabView>(() => undefined);
  return {
    storedView: vi.fn<PopupRequests['storedView']>(views.storedView ?? never),
    freshView: vi.fn<PopupRequests['freshView']>(views.freshView ?? never),
    save: vi.fn<PopupRequests['save']>(),
    correct: vi.fn(async () => undefined),
    switchCampaign: vi.fn(async () => undefined),
    openShortlist: vi.fn(async () => undefined),
    editCampaigns: vi.fn(async () => undefined),
    keepStorage: vi.fn(),
  } satisfies PopupRequests;
}

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
});

/** The popup as its entrypoint opens it: the stored view asked for (through `requests`) before rendering. */
function mount(requests: PopupRequests, activeTab: Promise<number | undefined> = Promise.resolve(TAB)) {
  return mountOpened(requests, openPopupOn(activeTab, requests.storedView));
}

function mountOpened(requests: PopupRequests, opening: Promise<PopupOpening | undefined>) {
  root = document.createElement('div');
  document.body.append(root);
  render(<PopupApp opening={opening} requests={requests} />, root);
  return root;
}

const postsLine = (el: HTMLElement) => el.querySelector('.posts-summary')?.textContent;
const busy = (el: HTMLElement) => el.querySelector('[aria-busy="true"]') !== null;

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the popup: stored view first, then the fresh one', () => {
  it('draws the stored reading while the page has not answered, and asks the page only after', async () => {
    const stored = later<TabView>();
    const fresh = later<TabView>();
    const requests = fakeRequests({
      storedView: () => stored.promise,
      freshView: () => fresh.promise,
    });
    const el = mount(requests);
    expect(busy(el)).toBe(true);
    expect(el.textContent).toContain('Reading this page…');
    await until(() => requests.storedView.mock.calls.length > 0, 'the stored view to be asked for');
    // Nothing competes with the stored view: the page is not asked until it has been drawn.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.freshView).not.toHaveBeenCalled();
    stored.resolve(profileView(3));
    await until(() => postsLine(el)?.startsWith('3 posts'), 'the stored view');
    expect(busy(el)).toBe(false);
    expect(el.textContent).toContain('@ana');
    expect(requests.storedView).toHaveBeenCalledWith(TAB);
    // The fresh capture is asked for once the stored view has been drawn, and has not answered yet.
    await until(() => requests.freshView.mock.calls.length > 0, 'the refresh');
    expect(requests.freshView).toHaveBeenCalledWith(TAB);
    expect(postsLine(el)).toMatch(/^3 posts/);
  });

  it('updates in place when the fresh view arrives: same elements, focus and a half-typed correction kept', async () => {
    const fresh = later<TabView>();
    const el = mount(fakeRequests({ storedView: async () => profileView(3), freshView: () => fresh.promise }));
    const input = await until(() => el.querySelector<HTMLInputElement>('#correct-followers'), 'the correction form');
    const main = el.querySelector('main')!;
    const counts = el.querySelector('dl.counts')!;
    input.focus();
    type(input, '12,5');

    // Scrolling had brought in two more posts: the page's fresh capture has five.
    fresh.resolve(profileView(5));
    await until(() => postsLine(el)?.startsWith('5 posts'), 'the fresh view');
    expect(el.querySelector('main')).toBe(main);
    expect(el.querySelector('dl.counts')).toBe(counts);
    expect(el.querySelector('#correct-followers')).toBe(input);
    expect(input.value).toBe('12,5');
    expect(document.activeElement).toBe(input);
  });

  it('keeps the stored view when the page cannot be read again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const requests = fakeRequests({
      storedView: async () => profileView(3),
      freshView: () => Promise.reject(new Error('the worker stopped')),
    });
    const el = mount(requests);
    await until(() => requests.freshView.mock.calls.length > 0, 'the refresh');
    await until(() => warn.mock.calls.length > 0, 'the refresh to fail');
    expect(postsLine(el)).toMatch(/^3 posts/);
    expect(el.textContent).not.toContain('Something went wrong');
    warn.mockRestore();
  });

  it('says "reading" instead of "reload the page" while a page with nothing stored is being read', async () => {
    const waiting: TabView = { state: 'waiting', platform: 'instagram', url: 'https://www.instagram.com/ana/' };
    const fresh = later<TabView>();
    const el = mount(fakeRequests({ storedView: async () => waiting, freshView: () => fresh.promise }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(busy(el)).toBe(true);
    expect(el.textContent).not.toContain('reload it');
    fresh.resolve(profileView(2));
    await until(() => postsLine(el)?.startsWith('2 posts'), 'the fresh view');
  });

  it('says the page has not been read when the fresh capture brings nothing either', async () => {
    const waiting: TabView = { state: 'waiting', platform: 'instagram', url: 'https://www.instagram.com/ana/' };
    const el = mount(fakeRequests({ storedView: async () => waiting, freshView: async () => waiting }));
    await until(() => el.textContent?.includes('Waiting for this Instagram page'), 'the waiting message');
    expect(busy(el)).toBe(false);
    expect(el.textContent).toContain('reload it');
  });

  it('never lets a late fresh view replace the view after a correction', async () => {
    const fresh = later<TabView>();
    const corrected = profileView(3, {
      followers: {
        status: 'known',
        value: 12_500,
        text: '12500',
        exact: true,
        min: 12_500,
        max: 12_500,
        source: 'manual',
      },
    });
    const storedView = vi.fn(async () => profileView(3));
    const requests = fakeRequests({ storedView, freshView: () => fresh.promise });
    const el = mount(requests);
    const input = await until(() => el.querySelector<HTMLInputElement>('#correct-followers'), 'the correction form');
    await until(() => requests.freshView.mock.calls.length > 0, 'the refresh');

    // The person corrects the count while the page is still being read; the worker stores it and answers.
    storedView.mockImplementation(async () => corrected);
    type(input, '12,500');
    input.form!.requestSubmit();
    await until(() => el.textContent?.includes('12,500'), 'the corrected view');
    expect(requests.correct).toHaveBeenCalledWith(TAB, 'followers', 12_500);

    // The page's capture, asked for before the correction, answers last: it must not bring "unknown" back.
    fresh.resolve(profileView(3));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.textContent).toContain('12,500');
    expect(el.querySelector('#correct-followers')).toBeNull();
  });

  it('says so when the stored view cannot be had, and when the tab is not one it can speak about', async () => {
    const broken = mount(fakeRequests({ storedView: () => Promise.reject(new Error('No response')) }));
    await until(() => broken.textContent?.includes('Something went wrong'), 'the error');
    expect(broken.textContent).toContain('No response');
    render(null, broken);
    broken.remove();

    const requests = fakeRequests();
    const none = mount(requests, Promise.resolve(undefined));
    await until(() => none.textContent?.includes("Open a creator's profile"), 'the unsupported message');
    expect(requests.storedView).not.toHaveBeenCalled();
  });

  it('says plainly when a save was interrupted, and shows what the shortlist holds rather than a raw error', async () => {
    const saved = { ...SHORTLIST, saved: { saved: true, campaigns: [] } } as unknown as ShortlistView;
    const views = [profileView(3), { ...profileView(3), shortlist: saved } as TabView];
    const requests = fakeRequests({
      storedView: async () => views.shift() ?? views[0]!,
      freshView: async () => views[0]!,
    });
    requests.save.mockRejectedValue(new Error('A listener indicated an asynchronous response by returning true'));
    const el = mount(requests);
    const button = await until(
      () => [...el.querySelectorAll('button')].find((b) => b.textContent === 'Save to shortlist'),
      'the save button',
    );
    button.click();
    await until(() => el.textContent?.includes(SAVE_INTERRUPTED), 'the interrupted-save message');
    expect(el.textContent).not.toContain('asynchronous response');
    // The view was asked for again, so the status line says what was committed.
    expect(requests.storedView.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the first request, sent before the popup renders', () => {
  it('is sent as soon as the tab is known, before anything is rendered; none without a tab', async () => {
    const storedView = vi.fn(() => new Promise<TabView>(() => undefined));
    const opened = await openPopupOn(Promise.resolve(TAB), storedView);
    expect(storedView).toHaveBeenCalledExactlyOnceWith(TAB);
    expect(opened?.tabId).toBe(TAB);

    const none = vi.fn(() => new Promise<TabView>(() => undefined));
    expect(await openPopupOn(Promise.resolve(undefined), none)).toBeUndefined();
    expect(none).not.toHaveBeenCalled();
  });

  it('is the one the popup draws from: the stored view is not asked for again', async () => {
    const early = later<TabView>();
    const requests = fakeRequests({ freshView: () => new Promise<TabView>(() => undefined) });
    const el = mountOpened(requests, Promise.resolve({ tabId: TAB, storedView: early.promise }));
    expect(el.textContent).toContain('Reading this page…');
    early.resolve(profileView(3));
    await until(() => postsLine(el)?.startsWith('3 posts'), 'the early view');
    expect(busy(el)).toBe(false);
    await until(() => requests.freshView.mock.calls.length > 0, 'the refresh');
    expect(requests.freshView).toHaveBeenCalledWith(TAB);
    expect(requests.storedView).not.toHaveBeenCalled();
  });

  it('shows the error when it failed, even before the popup had rendered', async () => {
    const requests = fakeRequests();
    const opening = openPopupOn(Promise.resolve(TAB), () =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    // The answer (a failure) is in before Preact renders anything.
    await opening;
    await new Promise((resolve) => setTimeout(resolve, 10));
    const el = mountOpened(requests, opening);
    await until(() => el.textContent?.includes('Something went wrong'), 'the error');
    expect(el.textContent).toContain('Receiving end does not exist');
    expect(requests.storedView).not.toHaveBeenCalled();
    expect(requests.freshView).not.toHaveBeenCalled();
  });
});
