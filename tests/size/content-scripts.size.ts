/**
 * The content scripts' size budget (issue 7): each platform's content script at most 8 KiB gzip (level 9).
 *
 * Sizes are deterministic, so unlike the bench's timings this is a test, run on the built extension after the
 * build step of `npm test` (`npx vitest run --config bench/vitest.size.config.ts`; SIZE_BUDGET_DIR points it at
 * another build). Sizes when the budget was set (gzip bytes): instagram.js 12,691 · tiktok.js 9,951 · x.js 11,241 ·
 * youtube.js 15,954 — all over; bench/README-section.md says where the bytes go and what brings each under.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_GZIP_BUDGET } from '../../bench/budgets';
import { buildSizes } from '../../bench/sizes';
import { PLATFORMS } from '../../lib/reading';

const dir = path.resolve(process.env.SIZE_BUDGET_DIR ?? path.join(import.meta.dirname, '../../.output/chrome-mv3'));

describe(`content scripts in ${path.relative(process.cwd(), dir) || dir}`, () => {
  it('are built (run `npm run build` first)', () => {
    expect(fs.existsSync(path.join(dir, 'manifest.json'))).toBe(true);
  });

  const scripts = fs.existsSync(path.join(dir, 'content-scripts')) ? buildSizes(dir).contentScripts : [];

  it('include one per platform', () => {
    expect(scripts.map((s) => path.basename(s.file, '.js')).sort()).toEqual([...PLATFORMS].sort());
  });

  it.each(scripts)(`$file is at most ${CONTENT_SCRIPT_GZIP_BUDGET} bytes gzip`, ({ file, gzip, raw }) => {
    expect(
      gzip,
      `${file}: ${gzip} bytes gzip (${raw} raw), budget ${CONTENT_SCRIPT_GZIP_BUDGET} (${gzip - CONTENT_SCRIPT_GZIP_BUDGET} over)`,
    ).toBeLessThanOrEqual(CONTENT_SCRIPT_GZIP_BUDGET);
  });
});
