import { describe, expect, it } from 'vitest';
import { assessProfile, DEFAULT_SETTINGS, type AssessSettings } from '../../../lib/assess';
import { rowsToCompare, signalCount } from '../../../lib/shortlist/compare';
import { latestAssessment, latestSignals } from '../../../lib/shortlist/latest-assessment';
import type { Visit } from '../../../lib/store/schema';
import { SAME_VISIT_MS, visitOf, withVisit } from '../../../lib/store/visits';
import { post } from '../assess/synthetic';
import { reading } from '../store/helpers';
import { row } from './rows';

describe('signalCount', () => {
  it('counts raised and checked signals, leaving out those that could not be checked', () => {
    const count = signalCount({
      signals: [
        { id: 'low-engagement', status: 'raised', label: 'Low engagement' },
        { id: 'few-posts', status: 'clear', label: 'Few posts' },
        { id: 'inactive', status: 'not-checked', label: 'Inactive' },
        { id: 'uniform-likes', status: 'raised', label: 'Uniform likes' },
      ],
    });
    expect(count).toEqual({ raised: 2, checked: 3, labels: ['Low engagement', 'Uniform likes'] });
  });

  it('gives undefined for anything not shaped like an assessment', () => {
    expect(signalCount(undefined)).toBeUndefined();
    expect(signalCount('x')).toBeUndefined();
    expect(signalCount({ signals: 'many' })).toBeUndefined();
    expect(signalCount({ signals: [null, 3, { status: 'weird' }] })).toEqual({ raised: 0, checked: 0, labels: [] });
  });
});

describe('latestAssessment and latestSignals', () => {
  /** A visit as records saved before the settings were kept hold it: the whole assessment, no settings. */
  const oldVisit = (at: number, followers: number, assessment: unknown): Visit => ({
    ...visitOf(at, reading('ana', followers), {}),
    assessment,
  });
  const signals = (label: string) => ({ signals: [{ status: 'raised', label }] });
  const settings: AssessSettings = { ...DEFAULT_SETTINGS, engagement: { window: 4, minPosts: 2 } };
  /** A reading with posts enough for most signals to be checked. */
  const withPosts = (followers: number, at: number) =>
    reading('ana', followers, {
      readAt: at,
      posts: { status: 'known', value: 300, text: '300', exact: true, min: 300, max: 300, source: 'visible-text' },
      recentPosts: [900, 20, 30, 25, 28].map((likes) => post({ likes, comments: 2 })),
    });

  it("shows an older record's stored assessment as it is, the only one its history keeps", () => {
    let visits = withVisit([], oldVisit(1, 10, signals('first')));
    expect(latestSignals(visits)).toEqual({ raised: 1, checked: 1, labels: ['first'] });
    visits = withVisit(visits, oldVisit(1 + 2 * SAME_VISIT_MS, 11, signals('second')));
    expect(latestSignals(visits)).toEqual({ raised: 1, checked: 1, labels: ['second'] });
    expect(visits[0]).not.toHaveProperty('assessment');
    // A latest visit saved with neither an assessment nor settings has no signals to show, whatever an earlier one had.
    visits = withVisit(visits, visitOf(1 + 4 * SAME_VISIT_MS, reading('ana', 12), {}));
    expect(latestSignals(visits)).toBeUndefined();
    expect(latestSignals([])).toBeUndefined();
  });

  it("recomputes a new record's assessment from its reading, its settings and the other visits' followers", () => {
    const t0 = 1_700_000_000_000;
    const t1 = t0 + 2 * 86_400_000;
    const [first, second] = [withPosts(10_000, t0), withPosts(15_000, t1)];
    let visits = withVisit([], visitOf(t0, first, {}, settings));
    expect(latestAssessment(visits)).toEqual(assessProfile(first, settings, []));
    visits = withVisit(visits, visitOf(t1, second, {}, settings));
    const expected = assessProfile(second, settings, [{ at: t0, followers: 10_000 }]);
    expect(latestAssessment(visits)).toEqual(expected);
    expect(expected.signals.find((s) => s.id === 'follower-jump')?.status).toBe('raised');
    expect(latestSignals(visits)).toEqual(signalCount(expected));
    expect(latestSignals(visits)?.raised).toBeGreaterThan(0);
    // The settings kept, not today's defaults: a window of 4 posts, not 12.
    expect(expected.engagement.byFollowers.n).toBe(4);
  });

  it('prefers a stored assessment to recomputing one', () => {
    const visit = { ...visitOf(1, reading('ana', 10), {}, settings), assessment: signals('stored') };
    expect(latestSignals([visit])).toEqual({ raised: 1, checked: 1, labels: ['stored'] });
  });
});

describe('rowsToCompare', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((handle) => row({ handle }));
  const key = (i: number) => rows[i]!.entry.key;

  it('takes the selected rows in table order, then selected rows the filter hides', () => {
    const shown = [rows[2]!, rows[0]!];
    const picked = rowsToCompare(shown, rows, new Set([key(0), key(2), key(4)]));
    expect(picked?.map((r) => r.creator.handle)).toEqual(['c', 'a', 'e']);
  });

  it('refuses more than four', () => {
    expect(rowsToCompare(rows, rows, new Set(rows.map((r) => r.entry.key)))).toBeUndefined();
  });
});
