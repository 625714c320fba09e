/**
 * The targets of issue 7. Sizes are deterministic, so the size budget is also a test (tests/size); timings are
 * reported against their targets by `npm run bench`, never asserted.
 */

/** Each platform's content script, gzip level 9: 8 KB read as 8 KiB. */
export const CONTENT_SCRIPT_GZIP_BUDGET = 8 * 1024;

export const TARGETS = {
  readMs: 2,
  popupFirstRenderMs: 100,
  csvExport10kMs: 300,
  jsonImport10kMs: 1500,
  firstRows50kMs: 200,
} as const;
