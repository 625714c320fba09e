/**
 * Resolves once the browser has had a chance to paint what was just rendered (or after 100 ms in a page that is
 * not painting, e.g. a hidden one): work started after it no longer delays that paint.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame !== 'function') return;
    // rAF runs just before the frame is drawn; the task it queues runs after.
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }),
    );
  });
}
