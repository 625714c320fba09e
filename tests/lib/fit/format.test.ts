import { describe, expect, it } from 'vitest';
import {
  formatCompact,
  formatCount,
  formatCoverage,
  formatList,
  formatPercent,
  formatPoints,
  formatReason,
  formatScore,
  formatUsd,
} from '../../../lib/fit/format';
import { scoreFit, type CriterionResult } from '../../../lib/fit/score';
import { campaign, input } from './helpers';

describe('numbers', () => {
  it('formats points with a plus for points earned', () => {
    expect(formatPoints(20, 20)).toBe('+20/20');
    expect(formatPoints(0, 25)).toBe('0/25');
    expect(formatPoints(12.5, 25)).toBe('+12.5/25');
    expect(formatPoints(20 / 3, 10)).toBe('+6.7/10');
    expect(formatPoints(0.01, 10)).toBe('0/10');
  });

  it('formats rates as percentages with at most two decimals', () => {
    expect(formatPercent(0.011)).toBe('1.1%');
    expect(formatPercent(0.02)).toBe('2%');
    expect(formatPercent(0.0237)).toBe('2.37%');
    expect(formatPercent(0.0054)).toBe('0.54%');
    expect(formatPercent(0.1058)).toBe('10.6%');
  });

  it('formats follower counts compactly, without "1000k"', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(10_000)).toBe('10k');
    expect(formatCompact(45_200)).toBe('45.2k');
    expect(formatCompact(250_000)).toBe('250k');
    expect(formatCompact(999_950)).toBe('1M');
    expect(formatCompact(2_500_000)).toBe('2.5M');
    expect(formatCompact(1_200_000_000)).toBe('1.2B');
  });

  it('formats counts, dollars and lists', () => {
    expect(formatCount(9950)).toBe('9,950');
    expect(formatUsd(1200)).toBe('$1,200');
    expect(formatList([])).toBe('');
    expect(formatList(['a'])).toBe('a');
    expect(formatList(['a', 'b'])).toBe('a or b');
    expect(formatList(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});

describe('reasons and the headline', () => {
  const base: CriterionResult = {
    id: 'engagement',
    label: 'Engagement',
    status: 'met',
    earned: 25,
    possible: 25,
    reason: 'r',
  };

  it('writes one line per status', () => {
    expect(formatReason({ ...base })).toBe('r: +25/25');
    expect(formatReason({ ...base, status: 'missed', earned: 0 })).toBe('r: 0/25');
    expect(formatReason({ ...base, status: 'unknown', earned: 0 })).toBe('r: ?/25 (not counted)');
    expect(formatReason({ ...base, status: 'not-set', earned: 0, possible: 0, reason: 'no minimum engagement' })).toBe(
      'Engagement: not set (no minimum engagement)',
    );
    expect(formatReason({ ...base, id: 'avoid', earned: 0, possible: 0 })).toBe('r');
    expect(formatReason({ ...base, id: 'avoid', status: 'disqualifies', earned: 0, possible: 0 })).toBe(
      'r: rules this creator out',
    );
  });

  it('states the score with its coverage, or why there is none', () => {
    const c = campaign({ minEngagementRate: 0.02, budgetPerPost: 100 });
    expect(formatScore(scoreFit(c, input({ engagementRate: 0.05 })))).toBe(
      '100/100 · 50% of the points rest on known data',
    );
    expect(formatScore(scoreFit(c, input()))).toBe(
      'no score — nothing this campaign asks for could be judged on this page',
    );
    expect(formatScore(scoreFit(campaign(), input()))).toBe('no score — this campaign sets no criteria');
    const avoid = campaign({ avoidKeywords: ['vape'] });
    expect(formatScore(scoreFit(avoid, input({ texts: { bio: 'Vape reviews', captions: [] } })))).toBe(
      '0/100 — ruled out: found vape (bio) — on your list of words to avoid',
    );
    expect(formatCoverage(2 / 3)).toBe('67% of the points rest on known data');
  });
});
