/** Size experiment (not product code): a reader that reads nothing, to measure what the real one costs. */
import type { PlatformReader } from '../../lib/platforms/platform';
import { PLATFORM_HOSTS } from '../../lib/platforms/hosts';

export const youtube: PlatformReader = {
  platform: 'youtube',
  label: 'youtube',
  hosts: PLATFORM_HOSTS.youtube,
  pageKind: () => 'profile',
  handleFromUrl: () => undefined,
  isReady: () => true,
  read: (doc, url, now = Date.now()) => ({
    kind: 'other',
    platform: 'youtube',
    url: url.href,
    lang: doc.documentElement.lang,
    readAt: now,
    reason: doc.title.slice(0, 300),
  }),
};
