/**
 * Size experiment (not product code): a collector that collects nothing, standing in for every platform's, to
 * measure the floor a content script cannot go below while WXT wraps it (its runtime, the read loop, messaging).
 */
import type { PageCollector } from '../../lib/platforms/platform';

const nothing = (platform: 'instagram' | 'tiktok' | 'x' | 'youtube'): PageCollector => ({
  platform,
  hosts: [],
  pageKind: () => 'profile',
  handleFromUrl: () => undefined,
  isReady: () => true,
  collect: (doc) => doc.title.slice(0, 10),
});

export const instagramPage = nothing('instagram');
export const tiktokPage = nothing('tiktok');
export const xPage = nothing('x');
export const youtubePage = nothing('youtube');
