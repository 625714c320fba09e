/** Size experiment (not product code): a reader that reads nothing, to measure what the real one costs. */
import type { PlatformReader } from '../../lib/platforms/platform';
import { PLATFORM_HOSTS } from '../../lib/platforms/hosts';

export const tiktok: PlatformReader = {
  platform: 'tiktok',
  label: 'tiktok',
  hosts: PLATFORM_HOSTS.tiktok,
  pageKind: () => 'profile',
  handleFromUrl: () => undefined,
  isReady: () => true,
  read: (doc, url, now = Date.now()) => ({
    kind: 'other',
    platform: 'tiktok',
    url: url.href,
    lang: doc.documentElement.lang,
    readAt: now,
    reason: doc.title.slice(0, 300),
  }),
};
