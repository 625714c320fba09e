/**
 * The product's build configuration, built into a directory of the bench's own (`.output/bench/` by default, or
 * BENCH_OUT_DIR), so that measuring never races another `wxt build` writing `.output/chrome-mv3/` or `.wxt/`.
 *
 * BENCH_VARIANT (comma-separated) builds what-if variants for `bench/size-breakdown.ts`, to measure what each
 * part of a content script costs in the real bundle; the bench itself always builds the product unchanged:
 * - `no-collector`: each platform's collector replaced by one that collects nothing (the floor: WXT's runtime,
 *   the read loop and the messaging client).
 * - `content-scripts-only`: builds only the content scripts, from a root of its own (see below); every other
 *   variant needs it.
 * - `unminified`: no minification, keeping rolldown's `// path` module markers (for reading the bundle).
 */
import path from 'node:path';
import { defineConfig, type UserConfig } from 'wxt';
import base from '../wxt.config';

const ROOT = path.resolve(import.meta.dirname, '..');
const variants = new Set((process.env.BENCH_VARIANT ?? '').split(',').filter(Boolean));
const contentOnly = variants.has('content-scripts-only');
const experiments = path.resolve(import.meta.dirname, 'experiments');

const alias: { find: RegExp; replacement: string }[] = [];
if (variants.has('no-collector')) {
  alias.push({
    find: /^\.\.\/lib\/platforms\/(tiktok|instagram|youtube|x)\/page$/,
    replacement: path.join(experiments, 'no-collector.ts'),
  });
}

type ViteConfigFn = Extract<UserConfig['vite'], (...args: never[]) => unknown>;
const baseVite = base.vite as ViteConfigFn | undefined;

export default defineConfig({
  ...base,
  ...(contentOnly
    ? {
        // WXT writes generated types to <root>/.wxt, which the project's type check reads; a build of some
        // entrypoints only would rewrite them. Content scripts alone build from a root of their own (HTML pages
        // cannot: Vite needs them under its root).
        root: path.join(ROOT, '.output/bench-root'),
        srcDir: ROOT,
        publicDir: path.join(ROOT, 'assets/public'),
        filterEntrypoints: ['instagram', 'tiktok', 'x', 'youtube'],
      }
    : {}),
  outDir: path.resolve(ROOT, process.env.BENCH_OUT_DIR ?? '.output/bench'),
  vite: async (env) => {
    const vite = (await baseVite?.(env)) ?? {};
    return {
      ...vite,
      resolve: { alias },
      build: { ...vite.build, ...(variants.has('unminified') ? { minify: false } : {}) },
    };
  },
});
