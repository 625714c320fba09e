/** Builds the extension with the product's configuration into a directory of the bench's own. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Runs `wxt build` (Chrome MV3) with bench/wxt.config.ts into `<outDir>/chrome-mv3` and returns that directory.
 * `variants` are the what-if variants bench/wxt.config.ts knows; none builds the product as shipped.
 */
export function buildExtension(outDir: string, variants: readonly string[] = []): string {
  const result = spawnSync('npx', ['wxt', 'build', '-c', 'bench/wxt.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_OUT_DIR: outDir, BENCH_VARIANT: variants.join(',') },
  });
  const dir = path.join(ROOT, outDir, 'chrome-mv3');
  if (result.status !== 0 || !fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`wxt build into ${outDir} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return dir;
}
