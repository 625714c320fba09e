/**
 * The shortlist database exactly as schema version 1 shipped, built with the raw IndexedDB API (not with db.ts, so
 * later edits to db.ts cannot change it) and filled with records as version 1 wrote them — including tags typed
 * with stray spaces and repeats, which version 2's migration cleans up.
 */
import { DB_NAME } from '../../../../lib/store/schema';

const T = 1_700_000_000_000;

export const V1_CAMPAIGN = {
  id: 'c1',
  name: 'Spring launch',
  objective: 'sales',
  platforms: ['instagram'],
  tiers: ['micro'],
  keywords: ['travel'],
  avoidKeywords: [],
  languages: ['es'],
  locations: [],
  createdAt: T,
  updatedAt: T,
};

const count = (value: number) => ({
  status: 'known',
  value,
  text: String(value),
  exact: true,
  min: value,
  max: value,
  source: 'title-attribute',
});
const readingOf = (handle: string, followers: number, at: number) => ({
  kind: 'profile',
  platform: 'instagram',
  url: `https://www.instagram.com/${handle}/`,
  lang: 'es',
  readAt: at,
  handle,
  displayName: handle.toUpperCase(),
  followers: count(followers),
  following: count(10),
  posts: count(5),
  totalLikes: { status: 'unknown', reason: 'not shown' },
  recentPosts: [],
});

export const V1_CREATORS = [
  {
    key: 'instagram:pluto__travel',
    platform: 'instagram',
    handle: 'pluto__travel',
    displayName: 'PLUTO__TRAVEL',
    profileUrl: 'https://www.instagram.com/pluto__travel/',
    firstSeen: T,
    lastSeen: T + 3 * 86_400_000,
    summary: { followers: { value: 10_200, exact: true }, engagementRate: 0.031, tier: 'micro' },
  },
  {
    key: 'instagram:ana.viaja',
    platform: 'instagram',
    handle: 'Ana.Viaja',
    profileUrl: 'https://www.instagram.com/Ana.Viaja/',
    firstSeen: T,
    lastSeen: T,
    summary: {},
  },
];

export const V1_SNAPSHOTS = [
  {
    creatorKey: 'instagram:pluto__travel',
    at: T,
    reading: readingOf('pluto__travel', 10_000, T),
    assessment: { score: 71, notes: ['ok'] },
  },
  {
    creatorKey: 'instagram:pluto__travel',
    at: T + 3 * 86_400_000,
    reading: readingOf('pluto__travel', 10_200, T + 3 * 86_400_000),
  },
  { creatorKey: 'instagram:ana.viaja', at: T, reading: readingOf('Ana.Viaja', 900, T) },
];

export const V1_ENTRIES = [
  {
    key: 'c1|instagram:pluto__travel',
    campaignId: 'c1',
    creatorKey: 'instagram:pluto__travel',
    status: 'contacted',
    notes: 'Replied by e-mail',
    tags: [' VIP ', 'vip', '', 'travel  blogger'],
    addedAt: T,
    updatedAt: T + 86_400_000,
  },
  {
    key: 'c1|instagram:ana.viaja',
    campaignId: 'c1',
    creatorKey: 'instagram:ana.viaja',
    status: 'prospect',
    notes: '',
    tags: [],
    addedAt: T,
    updatedAt: T,
  },
];

/** What version 2 makes of V1_ENTRIES' tags. */
export const V2_TAGS: Record<string, string[]> = {
  'c1|instagram:pluto__travel': ['VIP', 'travel blogger'],
  'c1|instagram:ana.viaja': [],
};

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

/** Creates the version-1 database in `factory` and fills it; resolves once it is written and closed. */
export async function recordV1Database(factory: IDBFactory, name: string = DB_NAME): Promise<void> {
  const request = factory.open(name, 1);
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
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction(['creators', 'snapshots', 'campaigns', 'entries', 'meta'], 'readwrite');
  tx.objectStore('campaigns').put(V1_CAMPAIGN);
  for (const c of V1_CREATORS) tx.objectStore('creators').put(c);
  for (const s of V1_SNAPSHOTS) tx.objectStore('snapshots').add(s);
  for (const e of V1_ENTRIES) tx.objectStore('entries').put(e);
  tx.objectStore('meta').put({ key: 'activeCampaignId', value: 'c1' });
  await done(tx);
  db.close();
}
