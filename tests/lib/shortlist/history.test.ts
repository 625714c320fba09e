import { describe, expect, it } from 'vitest';
import { chartGeometry, followerPoints } from '../../../lib/shortlist/history';
import type { Visit } from '../../../lib/store/schema';
import { visitOf } from '../../../lib/store/visits';
import { known, reading } from '../store/helpers';

const DAY = 86_400_000;
const T = 1_700_000_000_000;

function visit(at: number, followers: number | undefined, exact = true): Visit {
  const r = reading('ana', followers);
  if (followers !== undefined) r.followers = known(followers, exact);
  return visitOf(at, r, {});
}

describe('followerPoints', () => {
  it('keeps the known counts, oldest first, and says which were abbreviations', () => {
    const points = followerPoints([visit(T + DAY, 1200, false), visit(T, 1000), visit(T + 2 * DAY, undefined)]);
    expect(points).toEqual([
      { at: T, followers: 1000, exact: true },
      { at: T + DAY, followers: 1200, exact: false },
    ]);
  });
});

describe('chartGeometry', () => {
  it('spreads points by time and scales followers between the smallest and largest', () => {
    const g = chartGeometry(
      [
        { at: T, followers: 1000, exact: true },
        { at: T + DAY, followers: 1500, exact: true },
        { at: T + 4 * DAY, followers: 2000, exact: true },
      ],
      100,
      50,
      0,
    );
    expect(g.dots.map((d) => [d.x, d.y])).toEqual([
      [0, 50],
      [25, 25],
      [100, 0],
    ]);
    expect(g.path).toBe('M0 50 L25 25 L100 0');
    expect([g.min, g.max]).toEqual([1000, 2000]);
  });

  it('puts one point, or flat counts, in the middle without dividing by zero', () => {
    const one = chartGeometry([{ at: T, followers: 7, exact: true }], 100, 50, 0);
    expect(one.dots.map((d) => [d.x, d.y])).toEqual([[50, 25]]);
    const flat = chartGeometry(
      [
        { at: T, followers: 7, exact: true },
        { at: T + DAY, followers: 7, exact: true },
      ],
      100,
      50,
      10,
    );
    expect(flat.dots.map((d) => [d.x, d.y])).toEqual([
      [10, 25],
      [90, 25],
    ]);
    expect(chartGeometry([], 100, 50).path).toBe('');
  });
});
