/**
 * When the shortlist page draws itself: once its first rows are read (or failed to be), not before. Drawn at once,
 * it would be drawn, laid out and painted twice, an empty table first, and the rows would reach the screen a frame
 * or two later; meanwhile the page's HTML says it is loading. A database slower than `byMs` (an upgrade waiting
 * for another tab to close) gets the page drawn anyway, so that it can say what it waits for.
 */
export function drawWhenRead(firstReads: Promise<unknown>, draw: () => void, byMs: number): void {
  let drawn = false;
  const once = () => {
    if (drawn) return;
    drawn = true;
    draw();
  };
  firstReads.then(once, once);
  setTimeout(once, byMs);
}
