/**
 * The popup's load, kept from creeping back (run like the content scripts' budget, after a build): the popup is
 * built on its own (wxt.config.ts), so its page loads one script and one style sheet — each further file was a
 * request its first render waited for — and, like the content scripts, it carries no webextension-polyfill.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSize } from '../../bench/sizes';

const output = path.resolve(import.meta.dirname, '../..', process.env.SCOUT_OUT_DIR ?? '.output');
const dirs = process.env.SIZE_BUDGET_DIR
  ? [path.resolve(process.env.SIZE_BUDGET_DIR)]
  : [path.join(output, 'chrome-mv3'), path.join(output, 'firefox-mv2')];

describe.each(dirs)('the popup in %s', (dir) => {
  const built = fs.existsSync(path.join(dir, 'popup.html'));
  it('is built (run `npx wxt build` and `npx wxt build -b firefox` first)', () => {
    expect(built).toBe(true);
  });
  const page = built ? pageSize(dir, 'popup.html') : undefined;

  it.skipIf(!built)('loads one script and one style sheet', () => {
    const loaded = page!.files.map((f) => f.file).filter((file) => file !== 'popup.html');
    expect(loaded.filter((file) => file.endsWith('.js'))).toHaveLength(1);
    expect(loaded.filter((file) => file.endsWith('.css'))).toHaveLength(1);
    expect(loaded).toHaveLength(2);
  });

  it.skipIf(!built)('carries no webextension-polyfill', () => {
    for (const { file } of page!.files) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.toContain(
        'This script should only be loaded in a browser extension',
      );
    }
  });
});
