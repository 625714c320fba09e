import { describe, expect, it } from 'vitest';
import { exportFileName, isoDay, relativeTime, shortDate } from '../../../lib/shortlist/time';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);

describe('relativeTime', () => {
  it('says how long ago in words', () => {
    expect(relativeTime(NOW - 3 * DAY, NOW, 'en')).toBe('3 days ago');
    expect(relativeTime(NOW - DAY, NOW, 'en')).toBe('yesterday');
    expect(relativeTime(NOW - 2 * 3600_000, NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime(NOW - 20 * DAY, NOW, 'en')).toBe('2 weeks ago');
    expect(relativeTime(NOW - 400 * DAY, NOW, 'en')).toBe('last year');
    expect(relativeTime(NOW - 5000, NOW, 'en')).toBe('now');
  });

  it('reads a time in the future (another clock) as now', () => {
    expect(relativeTime(NOW + 10 * 60_000, NOW, 'en')).toBe('now');
  });

  it("uses the reader's language", () => {
    expect(relativeTime(NOW - 3 * DAY, NOW, 'es')).toBe('hace 3 días');
  });
});

describe('exportFileName', () => {
  it('names the file with the local date', () => {
    const local = new Date(2026, 10, 25, 23, 30).getTime();
    expect(exportFileName('csv', local)).toBe('creator-scout-shortlist-2026-11-25.csv');
    expect(exportFileName('json', local, 'backup')).toBe('creator-scout-backup-2026-11-25.json');
    expect(isoDay(new Date(2027, 0, 5).getTime())).toBe('2027-01-05');
  });
});

describe('shortDate', () => {
  it('is the compact form of the same moment', () => {
    expect(shortDate(Date.UTC(2026, 10, 5, 12), 'en')).toMatch(/Nov \d{1,2}, 2026/);
  });
});
