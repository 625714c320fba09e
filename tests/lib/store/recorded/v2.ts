/**
 * The shortlist database exactly as schema version 2 shipped, built with the raw IndexedDB API (not with db.ts, so
 * later edits to db.ts cannot change it) and filled with records as version 2 wrote them: one snapshot record per
 * visit, each with the whole reading and (when the background had one) the assessment; tags already normalised.
 * Version 3's migration turns the snapshots into one history per creator (V3_HISTORIES says into what).
 *
 * The creators cover what the conversion must handle: several visits with an assessment of the shape version 2's
 * background stored (figures to keep) and one of another shape (kept whole, no figures), an abbreviated count, a
 * count not shown, a hidden count, a visit without an assessment, and a creator added from a list and never
 * visited (no snapshots).
 */
import { DB_NAME } from '../../../../lib/store/schema';

const T = 1_710_000_000_000;
const DAY = 86_400_000;

export const V2_CAMPAIGN = {
  id: 'c1',
  name: 'Verano 2024',
  objective: 'awareness',
  platforms: ['tiktok', 'instagram'],
  tiers: ['micro', 'mid'],
  minEngagementRate: 0.02,
  keywords: ['viajes', 'comida'],
  avoidKeywords: ['apuestas'],
  languages: ['es'],
  locations: ['ES'],
  budgetPerPost: 1500,
  weights: { niche: 30, engagement: 25 },
  createdAt: T - 30 * DAY,
  updatedAt: T - 2 * DAY,
};

const known = (value: number, exact = true, text = String(value)) => ({
  status: 'known',
  value,
  text,
  exact,
  min: exact ? value : value - 50,
  max: exact ? value : value + 49,
  source: exact ? 'title-attribute' : 'visible-text',
});
const notShown = { status: 'unknown', reason: 'not shown on this page' };

const tiktok = (followers: unknown, at: number) => ({
  kind: 'profile',
  platform: 'tiktok',
  url: 'https://www.tiktok.com/@illojuan',
  lang: 'es',
  readAt: at,
  handle: 'illojuan',
  displayName: 'IlloJuan',
  bio: 'Streamer 🎮\nMálaga',
  followers,
  following: known(312),
  posts: { status: 'hidden', reason: 'the creator hides this', source: 'aria-label' },
  totalLikes: known(98_400_000, false, '98.4M'),
  recentPosts: [
    {
      id: '7571863205253778710',
      format: 'video',
      pinned: false,
      repost: false,
      likes: known(41_200, false, '41.2K'),
      comments: known(512),
      views: known(1_300_000, false, '1.3M'),
      shares: notShown,
      saves: notShown,
      caption: 'Viaje a Japón 🇯🇵',
    },
  ],
});

const instagram = (followers: unknown, at: number) => ({
  kind: 'profile',
  platform: 'instagram',
  url: 'https://www.instagram.com/pluto__travel/',
  lang: 'es',
  readAt: at,
  handle: 'pluto__travel',
  followers,
  following: known(1_204),
  posts: known(388),
  totalLikes: { status: 'unknown', reason: 'Instagram does not show total likes' },
  recentPosts: [],
});

const youtube = (at: number) => ({
  kind: 'profile',
  platform: 'youtube',
  url: 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
  lang: 'es-419',
  readAt: at,
  handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA',
  displayName: 'Cocina con Ana',
  followers: known(250_000, false, '250 K'),
  following: notShown,
  posts: known(1_042),
  totalLikes: notShown,
  recentPosts: [],
});

/** An assessment as version 2's background stored it (ASSESSMENT_VERSION 1), trimmed to fewer benchmarks. */
const assessmentOf = (at: number, followers: number, rate: number, tier: string, low: number, high: number) => ({
  version: 1,
  platform: 'tiktok',
  handle: 'illojuan',
  url: 'https://www.tiktok.com/@illojuan',
  readAt: at,
  followers: known(followers, false, `${(followers / 1000).toFixed(0)}K`),
  engagement: {
    byFollowers: { id: 'er-followers', status: 'ok', mean: rate, median: rate * 0.9, posts: 1 },
    byViews: { id: 'er-views', status: 'ok', mean: 0.031, median: 0.031, posts: 1 },
  },
  tier: { status: 'known', tier, label: `${tier} (100K–500K)` },
  benchmark: { verdict: 'above', comparisons: [] },
  signals: [
    { id: 'few-posts', label: 'Many followers, few posts', status: 'raised', reason: 'posts hidden' },
    { id: 'inactive', label: 'No recent posts', status: 'clear', reason: 'posted this week' },
    { id: 'uniform-likes', label: 'Very even likes', status: 'not-checked', reason: 'fewer than 8 posts' },
  ],
  price: { low, high, currency: 'USD', factors: [] },
  settings: { engagement: { recentPosts: 12 } },
});

export const V2_CREATORS = [
  {
    key: 'tiktok:illojuan',
    platform: 'tiktok',
    handle: 'illojuan',
    displayName: 'IlloJuan',
    profileUrl: 'https://www.tiktok.com/@illojuan',
    firstSeen: T - 20 * DAY,
    lastSeen: T,
    summary: {
      followers: { value: 783_400, exact: false },
      engagementRate: 0.053,
      tier: 'mid',
      fitScore: 74,
      priceMin: 900,
      priceMax: 1600,
    },
  },
  {
    key: 'instagram:pluto__travel',
    platform: 'instagram',
    handle: 'pluto__travel',
    profileUrl: 'https://www.instagram.com/pluto__travel/',
    firstSeen: T - 9 * DAY,
    lastSeen: T - DAY,
    summary: { followers: { value: 12_310, exact: true } },
  },
  {
    key: 'youtube:uczcrq3vrnr6fj1a9rqfn7qa',
    platform: 'youtube',
    handle: 'UCzcRQ3vRNr6fJ1A9rqFn7QA',
    displayName: 'Cocina con Ana',
    profileUrl: 'https://www.youtube.com/channel/UCzcRQ3vRNr6fJ1A9rqFn7QA',
    firstSeen: T - 5 * DAY,
    lastSeen: T - 5 * DAY,
    summary: { followers: { value: 250_000, exact: false }, tier: 'mid' },
  },
  {
    key: 'x:kikobeats',
    platform: 'x',
    handle: 'kikobeats',
    profileUrl: 'https://x.com/kikobeats',
    firstSeen: T - 3 * DAY,
    lastSeen: T - 3 * DAY,
    summary: {},
    unvisited: true,
  },
];

/** In the order version 2 wrote them (their auto-incremented ids follow this order). */
export const V2_SNAPSHOTS = [
  {
    creatorKey: 'tiktok:illojuan',
    at: T - 20 * DAY,
    reading: tiktok(known(760_000, false, '760K'), T - 20 * DAY),
  },
  {
    creatorKey: 'instagram:pluto__travel',
    at: T - 9 * DAY,
    reading: instagram(notShown, T - 9 * DAY),
    assessment: { score: 12, note: 'hand-made, not an assessment of version 1' },
  },
  {
    creatorKey: 'tiktok:illojuan',
    at: T - 10 * DAY,
    reading: tiktok(known(771_000, false, '771K'), T - 10 * DAY),
    assessment: assessmentOf(T - 10 * DAY, 771_000, 0.049, 'mid', 850, 1500),
  },
  {
    creatorKey: 'youtube:uczcrq3vrnr6fj1a9rqfn7qa',
    at: T - 5 * DAY,
    reading: youtube(T - 5 * DAY),
  },
  {
    creatorKey: 'instagram:pluto__travel',
    at: T - DAY,
    reading: instagram(known(12_310), T - DAY),
  },
  {
    creatorKey: 'tiktok:illojuan',
    at: T,
    reading: tiktok(known(783_400, false, '783.4K'), T),
    assessment: assessmentOf(T, 783_400, 0.053, 'mid', 900, 1600),
  },
];

export const V2_ENTRIES = [
  {
    key: 'c1|tiktok:illojuan',
    campaignId: 'c1',
    creatorKey: 'tiktok:illojuan',
    status: 'negotiating',
    notes: 'Tarifa: 1.200 € por vídeo\n=HYPERLINK("x")',
    tags: ['VIP', 'gaming'],
    addedAt: T - 20 * DAY,
    updatedAt: T - DAY,
  },
  {
    key: 'c1|instagram:pluto__travel',
    campaignId: 'c1',
    creatorKey: 'instagram:pluto__travel',
    status: 'contacted',
    notes: '',
    tags: ['viajes'],
    addedAt: T - 9 * DAY,
    updatedAt: T - 8 * DAY,
  },
  {
    key: 'c1|youtube:uczcrq3vrnr6fj1a9rqfn7qa',
    campaignId: 'c1',
    creatorKey: 'youtube:uczcrq3vrnr6fj1a9rqfn7qa',
    status: 'prospect',
    notes: '',
    tags: [],
    addedAt: T - 5 * DAY,
    updatedAt: T - 5 * DAY,
  },
  {
    key: 'c1|x:kikobeats',
    campaignId: 'c1',
    creatorKey: 'x:kikobeats',
    status: 'prospect',
    notes: '',
    tags: ['tech'],
    addedAt: T - 3 * DAY,
    updatedAt: T - 3 * DAY,
  },
];

const counts = (followers: unknown) => ({
  followers,
  following: { status: 'known', value: 312, exact: true },
  posts: { status: 'hidden' },
  totalLikes: { status: 'known', value: 98_400_000, exact: false },
});

/**
 * What version 3 makes of V2_SNAPSHOTS: one history per creator with every visit, oldest first; each visit its
 * counts and the figures a version-1 assessment held, and the latest visit also its whole reading and assessment.
 * The never-visited creator has no history.
 */
export const V3_HISTORIES = [
  {
    creatorKey: 'tiktok:illojuan',
    visits: [
      { at: T - 20 * DAY, ...counts({ status: 'known', value: 760_000, exact: false }) },
      {
        at: T - 10 * DAY,
        ...counts({ status: 'known', value: 771_000, exact: false }),
        engagementRate: 0.049,
        tier: 'mid',
        priceMin: 850,
        priceMax: 1500,
      },
      {
        at: T,
        ...counts({ status: 'known', value: 783_400, exact: false }),
        engagementRate: 0.053,
        tier: 'mid',
        priceMin: 900,
        priceMax: 1600,
        reading: V2_SNAPSHOTS[5]!.reading,
        assessment: V2_SNAPSHOTS[5]!.assessment,
      },
    ],
  },
  {
    creatorKey: 'instagram:pluto__travel',
    visits: [
      {
        at: T - 9 * DAY,
        followers: { status: 'unknown' },
        following: { status: 'known', value: 1_204, exact: true },
        posts: { status: 'known', value: 388, exact: true },
        totalLikes: { status: 'unknown' },
      },
      {
        at: T - DAY,
        followers: { status: 'known', value: 12_310, exact: true },
        following: { status: 'known', value: 1_204, exact: true },
        posts: { status: 'known', value: 388, exact: true },
        totalLikes: { status: 'unknown' },
        reading: V2_SNAPSHOTS[4]!.reading,
      },
    ],
  },
  {
    creatorKey: 'youtube:uczcrq3vrnr6fj1a9rqfn7qa',
    visits: [
      {
        at: T - 5 * DAY,
        followers: { status: 'known', value: 250_000, exact: false },
        following: { status: 'unknown' },
        posts: { status: 'known', value: 1_042, exact: true },
        totalLikes: { status: 'unknown' },
        reading: V2_SNAPSHOTS[3]!.reading,
      },
    ],
  },
];

function done(request: IDBRequest | IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    if (request instanceof IDBTransaction) {
      request.oncomplete = () => resolve();
      request.onerror = request.onabort = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });
}

/** Creates the version-2 database in `factory` and fills it; resolves once it is written and closed. */
export async function recordV2Database(factory: IDBFactory, name: string = DB_NAME): Promise<void> {
  const request = factory.open(name, 2);
  request.onupgradeneeded = () => {
    const db = request.result;
    const creators = db.createObjectStore('creators', { keyPath: 'key' });
    creators.createIndex('by-lastSeen', 'lastSeen');
    creators.createIndex('by-platform', 'platform');
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
    snapshots.createIndex('by-creator-at', ['creatorKey', 'at']);
    db.createObjectStore('campaigns', { keyPath: 'id' });
    const entries = db.createObjectStore('entries', { keyPath: 'key' });
    entries.createIndex('by-campaign', 'campaignId');
    entries.createIndex('by-creator', 'creatorKey');
    entries.createIndex('by-status', 'status');
    entries.createIndex('by-tag', 'tags', { multiEntry: true });
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['creators', 'snapshots', 'campaigns', 'entries', 'meta'], 'readwrite');
  tx.objectStore('campaigns').put(V2_CAMPAIGN);
  for (const c of V2_CREATORS) tx.objectStore('creators').put(c);
  for (const s of V2_SNAPSHOTS) tx.objectStore('snapshots').add(s);
  for (const e of V2_ENTRIES) tx.objectStore('entries').put(e);
  tx.objectStore('meta').put({ key: 'activeCampaignId', value: 'c1' });
  await done(tx);
  db.close();
}
