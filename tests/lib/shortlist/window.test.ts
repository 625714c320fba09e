import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scrollToShow, visibleRows } from '../../../lib/shortlist/window';

describe('visibleRows', () => {
  it('renders the rows on screen plus the overscan, and blank space for the rest', () => {
    // 50,000 rows of 40px, scrolled to row 1,000, 400px tall: rows 1000–1009 are visible.
    const w = visibleRows(40_000, 400, 40, 50_000, 5);
    expect(w).toEqual({ start: 995, end: 1015, before: 995 * 40, after: (50_000 - 1015) * 40 });
  });

  it('starts at the top and stops at the end', () => {
    expect(visibleRows(0, 400, 40, 50_000, 5)).toMatchObject({ start: 0, end: 15, before: 0 });
    expect(visibleRows(40 * 49_990, 400, 40, 50_000, 5)).toMatchObject({ start: 49_985, end: 50_000, after: 0 });
  });

  it('clamps a scroll position past the end (rows were removed) and handles no rows', () => {
    const w = visibleRows(1_000_000, 400, 40, 3, 5);
    expect(w).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    expect(visibleRows(0, 400, 40, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('renders a screenful before the first layout (viewport 0)', () => {
    expect(visibleRows(0, 0, 40, 1000, 0).end).toBe(30);
  });

  it('always covers the viewport, and the heights always add up to the whole table (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 20 }),
        (total, scrollTop, viewport, overscan) => {
          const w = visibleRows(scrollTop, viewport, 40, total, overscan);
          expect(w.before + (w.end - w.start) * 40 + w.after).toBe(total * 40);
          expect(w.start).toBeGreaterThanOrEqual(0);
          expect(w.end).toBeLessThanOrEqual(total);
          const maxScroll = Math.max(0, total * 40 - viewport);
          const top = Math.min(scrollTop, maxScroll);
          if (total > 0 && scrollTop <= maxScroll) {
            expect(w.start * 40).toBeLessThanOrEqual(top);
            expect(w.end * 40).toBeGreaterThanOrEqual(Math.min(total * 40, top + viewport));
          }
          expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(viewport / 40) + 1 + 2 * overscan);
        },
      ),
    );
  });
});

describe('scrollToShow', () => {
  it('leaves the scroll alone when the row is visible, else moves the least', () => {
    expect(scrollToShow(5, 0, 400, 40)).toBe(0);
    expect(scrollToShow(20, 0, 400, 40)).toBe(21 * 40 - 400);
    expect(scrollToShow(2, 400, 400, 40)).toBe(80);
  });

  it('keeps the row clear of a sticky header', () => {
    // 400px viewport with a 36px header: rows 0–8 are fully visible (9 × 40 = 360 ≤ 364), row 9 is not.
    expect(scrollToShow(8, 0, 400, 40, 36)).toBe(0);
    expect(scrollToShow(9, 0, 400, 40, 36)).toBe(10 * 40 - 364);
  });
});
