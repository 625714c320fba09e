/**
 * A history's visit list: adding visits (as the repository does on every profile visit), merging two histories
 * (as a backup import does), and turning version 2's snapshots into histories (as the database upgrade and the
 * import of version-1 files do). Whatever they are given, what they make is a history the store accepts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { assessmentArb, readingArb, settingsArb, summaryArb } from './arbitraries';
import { T0, reading } from './helpers';
import {
  SAME_VISIT_MS,
  followerHistoryOf,
  mergeVisits,
  visitCount,
  visitOf,
  visitsBeside,
  withVisit,
} from '../../../lib/store/visits';
import { historiesFromSnapshots, historyFromSnapshots, type SnapshotV2 } from '../../../lib/store/from-snapshots';
import { CreatorHistorySchema, type Visit } from '../../../lib/store/schema';

const KEY = 'instagram:ana';
const MINUTE = 60_000;

/**
 * Visits of @ana at times 0–20 hours after T0 in 10-minute steps, so some fall within an hour of another: with the
 * settings the reading was assessed with, or none, or (as visits were written before) a whole assessment.
 */
const visitArb: fc.Arbitrary<Visit> = fc
  .tuple(
    fc.nat({ max: 120 }),
    summaryArb,
    fc.option(settingsArb, { nil: undefined }),
    fc.option(assessmentArb, { nil: undefined }),
  )
  .chain(([step, summary, settings, assessment]) =>
    readingArb('instagram', 'ana', T0 + step * 10 * MINUTE).map((r) => {
      const visit = visitOf(T0 + step * 10 * MINUTE, r, summary, settings);
      return assessment === undefined ? visit : { ...visit, assessment };
    }),
  );

function expectValid(visits: readonly Visit[]) {
  const result = v.safeParse(CreatorHistorySchema, { creatorKey: KEY, visits });
  expect(result.success ? 'valid' : result.issues[0].message).toBe('valid');
}

describe('visitOf and visitCount', () => {
  it('keeps the counts as numbers with exactness, or only that they were hidden or not shown', () => {
    const r = reading('ana', 1_200, {
      posts: { status: 'hidden', reason: 'hidden by the creator', source: 'aria-label' },
    });
    expect(visitOf(T0, r, { tier: 'nano', priceMin: 1, priceMax: 2 })).toEqual({
      at: T0,
      followers: { status: 'known', value: 1_200, exact: true },
      following: { status: 'unknown' },
      posts: { status: 'hidden' },
      totalLikes: { status: 'unknown' },
      tier: 'nano',
      priceMin: 1,
      priceMax: 2,
      reading: r,
    });
    expect(
      visitCount({ status: 'known', value: 5, text: '5', exact: false, min: 4, max: 6, source: 'meta-tag' }),
    ).toEqual({ status: 'known', value: 5, exact: false });
  });

  it('keeps the settings the reading was assessed with, and never an assessment', () => {
    const settings = fc.sample(settingsArb, { numRuns: 1, seed: 3 })[0]!;
    const visit = visitOf(T0, reading('ana', 1_200), {}, settings);
    expect(visit.settings).toEqual(settings);
    expect(visit).not.toHaveProperty('assessment');
    expectValid([visit]);
  });
});

describe('visitsBeside and followerHistoryOf', () => {
  const at = (hours: number) => T0 + hours * 60 * MINUTE;
  const visits = [0, 30, 50].map((h, i) => visitOf(at(h), reading('ana', 1_000 + i), {}));

  it('leaves out the visit a new one replaces: the latest within the hour before, or one at the same instant', () => {
    expect(visitsBeside(visits, at(50.5)).map((v) => v.at)).toEqual([at(0), at(30)]);
    expect(visitsBeside(visits, at(51)).map((v) => v.at)).toEqual([at(0), at(30), at(50)]);
    expect(visitsBeside(visits, at(30)).map((v) => v.at)).toEqual([at(0), at(50)]);
    expect(visitsBeside(visits, at(30.5)).map((v) => v.at)).toEqual([at(0), at(30), at(50)]);
  });

  it("gives a stored history's latest visit the follower counts of every other visit", () => {
    const stored = withVisit(visits, visitOf(at(60), reading('ana', undefined), {}));
    expect(followerHistoryOf(stored, at(60))).toEqual([
      { at: at(0), followers: 1_000 },
      { at: at(30), followers: 1_001 },
      { at: at(50), followers: 1_002 },
    ]);
  });

  it('is, before a visit is added, what the stored history gives its latest visit after', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { maxLength: 8 }), visitArb, (added, visit) => {
        const before = added.reduce<Visit[]>((list, v) => withVisit(list, v), []);
        const after = withVisit(before, visit);
        // A late, older visit goes before the latest: then the latest is not the one just assessed.
        if (after.at(-1)?.at !== visit.at) return;
        expect(followerHistoryOf(after, visit.at)).toEqual(followerHistoryOf(before, visit.at));
      }),
      { numRuns: 200 },
    );
  });
});

describe('withVisit', () => {
  it('keeps every visit but the one a visit within the hour replaces, in time order, only the latest whole', () => {
    fc.assert(
      fc.property(fc.array(visitArb, { minLength: 1, maxLength: 12 }), (added) => {
        let visits: Visit[] = [];
        // The times a simple model of "one visit per hour" expects, and which reading each ends with.
        let model: { at: number; reading: unknown }[] = [];
        for (const visit of added) {
          visits = withVisit(visits, visit);
          const last = model.at(-1);
          const kept = model.filter(
            (m) => m.at !== visit.at && !(m === last && visit.at >= last.at && visit.at - last.at < SAME_VISIT_MS),
          );
          model = [...kept, { at: visit.at, reading: visit.reading }].sort((a, b) => a.at - b.at);
          expectValid(visits);
          expect(visits.map((x) => x.at)).toEqual(model.map((m) => m.at));
          expect(visits.at(-1)?.reading).toEqual(model.at(-1)?.reading);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('mergeVisits', () => {
  const historyArb = fc
    .array(visitArb, { minLength: 1, maxLength: 8 })
    .map((added) => added.reduce<Visit[]>((visits, visit) => withVisit(visits, visit), []));

  it('keeps every visit of both, the incoming copy where both have one, and merging again changes nothing', () => {
    fc.assert(
      fc.property(historyArb, historyArb, (current, incoming) => {
        const merged = mergeVisits(current, incoming);
        expectValid(merged);
        const times = new Set([...current, ...incoming].map((x) => x.at));
        expect(merged.map((x) => x.at)).toEqual([...times].sort((a, b) => a - b));
        const strip = ({ reading: _r, settings: _s, assessment: _a, ...figures }: Visit) => figures;
        for (const visit of merged) {
          const source = incoming.find((x) => x.at === visit.at) ?? current.find((x) => x.at === visit.at)!;
          expect(strip(visit)).toEqual(strip(source));
        }
        expect(mergeVisits(merged, incoming)).toEqual(merged);
        expect(mergeVisits(current, current)).toEqual(current);
      }),
      { numRuns: 100 },
    );
  });
});

describe('historiesFromSnapshots (the conversion of version 2)', () => {
  const num = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.double({ min: 0, max: 2, noNaN: true }),
    fc.constant(null),
    fc.string(),
  );
  /** Assessments shaped like version 1's, with any values in the fields the conversion reads. */
  const v1AssessmentArb = fc.record({
    version: fc.constantFrom(1, 2),
    engagement: fc.record({
      byFollowers: fc.record({ status: fc.constantFrom('ok', 'not-enough-data'), mean: num }),
      byViews: fc.record({ status: fc.constantFrom('ok', 'no-views'), mean: num }),
    }),
    tier: fc.record({ status: fc.constantFrom('known', 'unknown'), tier: fc.string({ maxLength: 60 }) }),
    price: fc.record({ low: num, high: num }),
  });
  const snapshotArb: fc.Arbitrary<SnapshotV2> = fc
    .tuple(fc.nat({ max: 40 }), fc.option(fc.oneof(v1AssessmentArb, assessmentArb), { nil: undefined }))
    .chain(([day, assessment]) =>
      readingArb('instagram', 'ana', T0 + day * 86_400_000).map((r) => ({
        creatorKey: KEY,
        at: T0 + day * 86_400_000,
        reading: r as unknown as Record<string, unknown>,
        ...(assessment === undefined ? {} : { assessment }),
      })),
    );

  it('makes a valid history of any snapshots, one visit per instant, the latest written one whole', () => {
    fc.assert(
      fc.property(fc.array(snapshotArb, { minLength: 1, maxLength: 10 }), (snapshots) => {
        const history = historyFromSnapshots(KEY, snapshots)!;
        expectValid(history.visits as Visit[]);
        const times = [...new Set(snapshots.map((s) => s.at))].sort((a, b) => a - b);
        expect(history.visits.map((x) => x.at)).toEqual(times);
        const newest = snapshots.filter((s) => s.at === times.at(-1)).at(-1)!;
        expect(history.visits.at(-1)?.reading).toEqual(newest.reading);
        expect(history.visits.at(-1)?.assessment).toEqual(newest.assessment);
        for (const visit of history.visits) {
          if (visit.engagementRate !== undefined) expect(visit.engagementRate).toBeGreaterThanOrEqual(0);
          if (visit.priceMin !== undefined) expect(visit.priceMin).toBeLessThanOrEqual(visit.priceMax!);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('takes the figures version 2 took for the summary, and none from an assessment of another shape', () => {
    const snapshot = (assessment: unknown): SnapshotV2 => ({
      creatorKey: KEY,
      at: T0,
      reading: reading('ana', 10) as unknown as Record<string, unknown>,
      assessment,
    });
    const assessment = {
      version: 1,
      engagement: { byFollowers: { status: 'ok', mean: null }, byViews: { status: 'ok', mean: 0.04 } },
      tier: { status: 'known', tier: 'micro' },
      price: { low: 100, high: 300 },
    };
    expect(historyFromSnapshots(KEY, [snapshot(assessment)])?.visits[0]).toMatchObject({
      engagementRate: 0.04,
      tier: 'micro',
      priceMin: 100,
      priceMax: 300,
    });
    const [other] = historiesFromSnapshots([snapshot({ ...assessment, version: 2 })]);
    expect(Object.keys(other!.visits[0]!).sort()).toEqual(
      ['assessment', 'at', 'followers', 'following', 'posts', 'reading', 'totalLikes'].sort(),
    );
    expect(historiesFromSnapshots([])).toEqual([]);
  });
});
