/** Size experiment (not product code): a reader that reads nothing, to measure what the real one costs. */
import type { PlatformReader } from '../../lib/platforms/platform';
import { PLATFORM_HOSTS } from '../../lib/platforms/hosts';

export const x: PlatformReader = {
  platform: 'x',
  label: 'x',
  hosts: PLATFORM_HOSTS.x,
  pageKind: () => 'profile',
  handleFromUrl: () => undefined,
  isReady: () => true,
  read: (doc, url, now = Date.now()) => ({
    kind: 'other',
    platform: 'x',
    url: url.href,
    lang: doc.documentElement.lang,
    readAt: now,
    reason: doc.title.slice(0, 300),
  }),
};
