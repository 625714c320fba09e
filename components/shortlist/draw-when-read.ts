/**
 * When the shortlist page draws itself: once its first rows are read (or failed to be), not before. Drawn at once,
 * it would be drawn, laid out and painted twice, an empty table first, and the rows would reach the screen a frame
 * or two later; meanwhile the page's HTML says it is loading. A database slower than `byMs` (an upgrade waiting
 * for another tab to close) gets the page drawn anyway, so that it can say what it waits for.
 *
 * `draw` is given what was read when it came in time, so that the page's first render can already show it: a page
 * that rendered empty and took the rows from the promise a microtask later would render and lay out twice before
 * its first paint. It is given nothing when the reads failed or came too late: the page then waits on the promise.
 */
export function drawWhenRead<T>(firstReads: Promise<T>, draw: (read?: T) => void, byMs: number): void {
  let drawn = false;
  const once = (read?: T) => {
    if (drawn) return;
    drawn = true;
    draw(read);
  };
  firstReads.then(once, () => once());
  setTimeout(() => once(), byMs);
}
