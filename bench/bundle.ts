/**
 * Bundles a bench entry (bench/browser/*.ts) into one minified IIFE script, to be evaluated in a Chromium page.
 * esbuild is the bundler Vite and WXT already install; nothing from this goes into the extension.
 */
import path from 'node:path';
import { build } from 'esbuild';

export async function bundleForPage(entry: string, { minify = true } = {}): Promise<string> {
  const result = await build({
    entryPoints: [path.resolve(import.meta.dirname, 'browser', entry)],
    bundle: true,
    format: 'iife',
    minify,
    keepNames: !minify,
    target: 'es2022',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
