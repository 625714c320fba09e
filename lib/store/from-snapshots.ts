/**
 * Version 2's snapshots (one record per visit, each with a whole reading and maybe an assessment) turned into
 * version 3's histories (one record per creator, every visit as its figures, the latest whole). The database's
 * upgrade to version 3 (db.ts) and the import of version-1 backup files (backup.ts) both use it.
 *
 * Frozen as shipped, like an upgrade block: it reads old records as they were written, and schema.ts may change
 * later without changing what it makes. It never loses a visit: every snapshot becomes a visit (two at the same
 * instant were one visit, and the later-written one is kept, as version 2 itself would have shown it).
 */

/** A version-2 snapshot as stored (checked when it was written; read defensively here all the same). */
export interface SnapshotV2 {
  creatorKey: string;
  at: number;
  reading: Record<string, unknown>;
  assessment?: unknown;
}

type Count = { status: 'known'; value: number; exact: boolean } | { status: 'hidden' } | { status: 'unknown' };

/** A version-3 visit as this conversion makes it. */
export interface VisitV3 {
  at: number;
  followers: Count;
  following: Count;
  posts: Count;
  totalLikes: Count;
  engagementRate?: number;
  tier?: string;
  priceMin?: number;
  priceMax?: number;
  reading?: Record<string, unknown>;
  assessment?: unknown;
}

export interface HistoryV3 {
  creatorKey: string;
  visits: VisitV3[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1e13;
const inRange = (value: unknown, max: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max;

function countV3(field: unknown): Count {
  if (isObject(field) && field.status === 'known' && isCount(field.value)) {
    return { status: 'known', value: field.value, exact: field.exact === true };
  }
  return isObject(field) && field.status === 'hidden' ? { status: 'hidden' } : { status: 'unknown' };
}

/**
 * The figures version 2's background took from an assessment (ASSESSMENT_VERSION 1) for the creator's summary:
 * the first engagement rate that was worked out, the tier, the price range. Anything else (an assessment of another
 * shape, a hand-edited one) gives no figures: the visit keeps its counts.
 */
function figuresV3(assessment: unknown): Pick<VisitV3, 'engagementRate' | 'tier' | 'priceMin' | 'priceMax'> {
  if (!isObject(assessment) || assessment.version !== 1) return {};
  const figures: Pick<VisitV3, 'engagementRate' | 'tier' | 'priceMin' | 'priceMax'> = {};
  const engagement = isObject(assessment.engagement) ? assessment.engagement : {};
  for (const rate of [engagement.byFollowers, engagement.byViews]) {
    if (isObject(rate) && rate.status === 'ok' && rate.mean !== null) {
      if (inRange(rate.mean, 10_000)) figures.engagementRate = rate.mean;
      break;
    }
  }
  const tier = assessment.tier;
  if (isObject(tier) && tier.status === 'known' && typeof tier.tier === 'string' && tier.tier.length <= 50) {
    figures.tier = tier.tier;
  }
  const price = assessment.price;
  if (isObject(price) && inRange(price.low, 1e12) && inRange(price.high, 1e12) && price.low <= price.high) {
    figures.priceMin = price.low;
    figures.priceMax = price.high;
  }
  return figures;
}

function visitV3(snapshot: SnapshotV2, latest: boolean): VisitV3 {
  const { reading, assessment } = snapshot;
  const visit: VisitV3 = {
    at: snapshot.at,
    followers: countV3(reading.followers),
    following: countV3(reading.following),
    posts: countV3(reading.posts),
    totalLikes: countV3(reading.totalLikes),
    ...figuresV3(assessment),
  };
  if (latest) {
    visit.reading = reading;
    if (assessment !== undefined) visit.assessment = assessment;
  }
  return visit;
}

/**
 * One creator's snapshots as their history, or undefined for none. `snapshots` are that creator's, in any time
 * order; of two at one instant, the one later in the list (written later) is kept.
 */
export function historyFromSnapshots(creatorKey: string, snapshots: readonly SnapshotV2[]): HistoryV3 | undefined {
  const byTime = new Map<number, SnapshotV2>();
  for (const snapshot of snapshots) byTime.set(snapshot.at, snapshot);
  const sorted = [...byTime.values()].sort((a, b) => a.at - b.at);
  if (sorted.length === 0) return undefined;
  return { creatorKey, visits: sorted.map((s, i) => visitV3(s, i === sorted.length - 1)) };
}

/** Every creator's history from a list of snapshots; creators keep the order they first appear in. */
export function historiesFromSnapshots(snapshots: readonly SnapshotV2[]): HistoryV3[] {
  const byCreator = new Map<string, SnapshotV2[]>();
  for (const snapshot of snapshots) {
    const list = byCreator.get(snapshot.creatorKey);
    if (list) list.push(snapshot);
    else byCreator.set(snapshot.creatorKey, [snapshot]);
  }
  const histories: HistoryV3[] = [];
  for (const [key, list] of byCreator) {
    const history = historyFromSnapshots(key, list);
    if (history) histories.push(history);
  }
  return histories;
}
