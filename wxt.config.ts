import { defineConfig } from 'wxt';
import type { InlineConfig as ViteConfig } from 'vite';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/platforms/hosts';

/**
 * The extension's pages load only their own bundled code and styles and talk to no server: no remote scripts,
 * no fetches, no plugins, no <base> tricks. (Content scripts run under the sites' own policies.)
 */
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'";

/**
 * Pages and the worker use `browser` through webextension-polyfill (the module aliases `wxt/browser` to it).
 * Content scripts are built without it: they run on every profile a marketer opens, and the only APIs they touch
 * — `runtime.id`, `runtime.sendMessage`, `runtime.onMessage` — are promise-based in every browser the extension
 * supports, so the polyfill would be 2.8 KB gzip of nothing in each (measured by rebuilding without it).
 * The popup (built on its own, below) is too: besides its messages (@webext-core/messaging calls `chrome.*` itself)
 * it calls `tabs.query`, `tabs.create`, `runtime.getURL` and `runtime.openOptionsPage`, promise-based in Chrome's
 * MV3 `chrome` and Firefox's own `browser`, which `wxt/browser` gives without the polyfill.
 */
function withoutPolyfill(config: ViteConfig): void {
  const alias = config.resolve?.alias;
  if (!alias) return;
  const polyfill = (target: unknown) => typeof target === 'string' && target.includes('webextension-polyfill');
  if (Array.isArray(alias)) {
    config.resolve!.alias = alias.filter((a: { replacement: unknown }) => !polyfill(a.replacement));
  } else {
    const entries = Object.entries(alias as Record<string, unknown>).filter(([, target]) => !polyfill(target));
    config.resolve!.alias = Object.fromEntries(entries) as Record<string, string>;
  }
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // The popup is built on its own rather than with the other pages: it then loads one script and one style sheet
    // instead of the six scripts and two style sheets the shared build split it into (each a request its first
    // render waited for: ~10–20 ms of the popup's first render), and carries nothing only other pages need.
    'entrypoints:grouped': (_wxt, groups) => {
      const pages = groups.find((group) => Array.isArray(group) && group.some((e) => e.type === 'popup'));
      if (!Array.isArray(pages) || pages.length < 2) return;
      const popup = pages.splice(
        pages.findIndex((e) => e.type === 'popup'),
        1,
      );
      groups.push(popup);
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) withoutPolyfill(config);
      if (entrypoints.every((entrypoint) => entrypoint.type === 'popup')) withoutPolyfill(config);
    },
  },
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  // SCOUT_OUT_DIR lets parallel builds (a developer's, a test run's) write apart instead of racing in .output/.
  outDir: process.env.SCOUT_OUT_DIR ?? '.output',
  // Explicit imports everywhere: a reader sees where each name comes from, and lib/ stays browser-free.
  imports: false,
  vite: () => ({
    plugins: [preact({ prefreshEnabled: false, devToolsEnabled: false })],
    build: {
      sourcemap: false,
      modulePreload: {
        // The HTML keeps its <link rel="modulepreload"> for what a page loads first. A lazily loaded chunk's
        // dependencies are not preloaded by inserting <link> elements when it is imported: the files are local,
        // and inserting them cost the shortlist page ~20 ms of its main thread just after the first rows (a
        // CPU profile of the page), for requests the import makes anyway.
        resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Creator Scout',
    description:
      'Vet influencers on the page: engagement, tier, fit and a local shortlist — read from what you see, never sent anywhere.',
    // Host access only to the supported social sites: content scripts need no permission beyond their matches,
    // and the popup reads nothing from tabs itself.
    host_permissions: HOST_PERMISSIONS,
    permissions: ['storage'],
    content_security_policy: browser === 'firefox' ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: 'Creator Scout' },
    commands: {
      'save-creator': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the creator on this tab to the shortlist',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'creator-scout@creator-scout.invalid',
              // 140 (ESR) is the first release that understands data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
