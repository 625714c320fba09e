/**
 * Windowing for a long table with fixed-height rows: which rows are on screen, so only those (and a few either
 * side) are rendered. 50,000 rows then cost the page what 40 do.
 */

/** The rows to render: indexes `start` (inclusive) to `end` (exclusive), and the blank space above and below. */
export interface RowWindow {
  start: number;
  end: number;
  /** Height in pixels standing in for the rows above `start`. */
  before: number;
  /** Height in pixels standing in for the rows from `end` on. */
  after: number;
}

/**
 * The slice of `total` rows of `rowHeight` pixels visible in a viewport `viewportHeight` tall scrolled to
 * `scrollTop`, widened by `overscan` rows each way so a fast scroll does not show blank space before the next
 * render. Out-of-range inputs (a scroll position past the end after rows were removed, a zero-height viewport
 * before layout) are clamped rather than producing an empty or negative window.
 */
export function visibleRows(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 8,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = Math.max(0, Number.isFinite(scrollTop) ? scrollTop : 0);
  // Before the first layout the viewport may measure 0: render a screenful rather than nothing.
  const height = viewportHeight > 0 && Number.isFinite(viewportHeight) ? viewportHeight : rowHeight * 30;
  const first = Math.min(total - 1, Math.floor(top / rowHeight));
  const last = Math.min(total, Math.ceil((top + height) / rowHeight));
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, Math.max(last, first + 1) + overscan);
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}

/**
 * The scroll position that brings row `index` fully into view with as little movement as possible (for keyboard
 * navigation), or the current position when it is already visible. `headerHeight` is the sticky header covering
 * the top of the viewport.
 */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  headerHeight = 0,
): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  const visibleTop = scrollTop;
  const visibleBottom = scrollTop + viewportHeight - headerHeight;
  if (rowTop < visibleTop) return rowTop;
  if (rowBottom > visibleBottom) return Math.max(0, rowBottom - (viewportHeight - headerHeight));
  return scrollTop;
}
