/**
 * The content scripts' size budget (issue 7): each platform's content script at most 8 KiB gzip (level 9).
 *
 * Sizes are deterministic, so unlike the bench's timings this is a test, run on the built extension after the
 * build step of `npm test` (`npx vitest run --config bench/vitest.size.config.ts`), on the Chrome and the Firefox
 * build (SIZE_BUDGET_DIR points it at one other build). Sizes when the budget was set (gzip bytes): instagram.js
 * 12,691 · tiktok.js 9,951 · x.js 11,241 · youtube.js 15,954 — all over, until the content scripts stopped
 * interpreting (they collect; the worker reads) and stopped carrying webextension-polyfill and a messaging library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_GZIP_BUDGET } from '../../bench/budgets';
import { buildSizes } from '../../bench/sizes';
import { PLATFORMS } from '../../lib/reading';

const output = path.resolve(import.meta.dirname, '../..', process.env.SCOUT_OUT_DIR ?? '.output');
const dirs = process.env.SIZE_BUDGET_DIR
  ? [path.resolve(process.env.SIZE_BUDGET_DIR)]
  : [path.join(output, 'chrome-mv3'), path.join(output, 'firefox-mv2')];

describe.each(dirs)('content scripts in %s', (dir) => {
  it('are built (run `npx wxt build` and `npx wxt build -b firefox` first)', () => {
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
  });

  const scripts = fs.existsSync(path.join(dir, 'content-scripts')) ? buildSizes(dir).contentScripts : [];

  it('include one per platform', () => {
    expect(scripts.map((s) => path.basename(s.file, '.js')).sort()).toEqual([...PLATFORMS].sort());
  });

  // What the budget was met by, kept from creeping back: the worker interprets, so a content script carries neither
  // the count parser (its Intl compact-notation tables) nor webextension-polyfill.
  it.each(scripts)('$file carries neither the count parser nor webextension-polyfill', ({ file }) => {
    const code = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(code).not.toContain('compactDisplay');
    expect(code).not.toContain('This script should only be loaded in a browser extension');
  });

  it.each(scripts)(`$file is at most ${CONTENT_SCRIPT_GZIP_BUDGET} bytes gzip`, ({ file, gzip, raw }) => {
    expect(
      gzip,
      `${file}: ${gzip} bytes gzip (${raw} raw), budget ${CONTENT_SCRIPT_GZIP_BUDGET} (${gzip - CONTENT_SCRIPT_GZIP_BUDGET} over)`,
    ).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });
});
