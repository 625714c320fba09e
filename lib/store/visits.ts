/**
 * A creator's history as a list of visits: turning a reading into a visit, adding a visit, and merging two
 * histories (a backup into what is stored). Pure functions over plain data; the repository and the backup import
 * both use them, so a history is shaped the same however it was written.
 *
 * Every list these functions return is in time order with no two visits at the same instant, and only its latest
 * visit keeps the whole reading, with the assessment settings it was assessed with (or, in a record written before
 * those were kept, the whole assessment: see CreatorHistorySchema).
 */
import type { AssessSettings } from '../assess/settings';
import type { FollowerHistoryPoint } from '../assess/signals';
import type { CountField, ProfileReading } from '../reading';
import type { CreatorSummary, Visit, VisitCount } from './schema';

/**
 * Visits closer together than this update the latest visit instead of adding one, so reloading a profile or
 * moving between its tabs does not turn "last seen 3 days ago" into "last seen 2 minutes ago".
 */
export const SAME_VISIT_MS = 60 * 60 * 1000;

/** A reading's count as a history keeps it. */
export function visitCount(field: CountField): VisitCount {
  if (field.status === 'known') return { status: 'known', value: field.value, exact: field.exact };
  return { status: field.status };
}

/**
 * The visit a reading makes at `at`: its counts and the summary's figures, with the reading in full and the
 * assessment settings it was assessed with (if any). The assessment itself is not kept: it is derived from these
 * (assessProfile is deterministic given the reading, the settings and the follower counts of the other visits, see
 * lib/shortlist/latest-assessment.ts), and at 10–24 KB per creator with real pages it was most of a history's weight
 * and would put a 10,000-creator backup over the import limit. Absent figures are left out rather than stored as
 * undefined, so the record and its backup hold the same keys.
 */
export function visitOf(
  at: number,
  reading: ProfileReading,
  summary: CreatorSummary,
  settings?: AssessSettings,
): Visit {
  const visit: Visit = {
    at,
    followers: visitCount(reading.followers),
    following: visitCount(reading.following),
    posts: visitCount(reading.posts),
    totalLikes: visitCount(reading.totalLikes),
  };
  const { engagementRate, tier, fitScore, priceMin, priceMax } = summary;
  if (engagementRate !== undefined) visit.engagementRate = engagementRate;
  if (tier !== undefined) visit.tier = tier;
  if (fitScore !== undefined) visit.fitScore = fitScore;
  if (priceMin !== undefined) visit.priceMin = priceMin;
  if (priceMax !== undefined) visit.priceMax = priceMax;
  visit.reading = reading;
  if (settings !== undefined) visit.settings = settings;
  return visit;
}

/** The visit without its reading, settings and (older records') assessment: what an earlier visit keeps. */
function figuresOnly(visit: Visit): Visit {
  if (visit.reading === undefined && visit.settings === undefined && visit.assessment === undefined) return visit;
  const { reading: _reading, settings: _settings, assessment: _assessment, ...figures } = visit;
  return figures;
}

/** Sorted visits with every one but the latest reduced to its figures. */
function latestWhole(sorted: Visit[]): Visit[] {
  const last = sorted.length - 1;
  return sorted.map((visit, i) => (i === last ? visit : figuresOnly(visit)));
}

/**
 * The visits that adding a visit at `at` keeps beside it (see {@link withVisit}): all but one at the same instant
 * and the latest when `at` comes less than {@link SAME_VISIT_MS} after it (the same visit, seen again). For the
 * latest visit of a stored history, that is every other visit.
 */
export function visitsBeside(visits: readonly Visit[], at: number): Visit[] {
  const latest = visits.at(-1);
  const sameVisit = latest !== undefined && at >= latest.at && at - latest.at < SAME_VISIT_MS ? latest.at : undefined;
  return visits.filter((v) => v.at !== at && v.at !== sameVisit);
}

/**
 * The follower counts the assessment of a reading visited at `at` compares with (its "sudden jump" signal): those of
 * the visits a visit at `at` keeps beside it, oldest first. The background assesses a reading with this before it
 * records the visit, and a stored history's latest visit is assessed again with this at its own time, which gives
 * the same visits — so the assessment recomputed from a stored reading is the one the background made.
 */
export function followerHistoryOf(visits: readonly Visit[], at: number): FollowerHistoryPoint[] {
  return visitsBeside(visits, at).flatMap((visit) =>
    visit.followers.status === 'known' ? [{ at: visit.at, followers: visit.followers.value }] : [],
  );
}

/**
 * `visits` with `visit` added: it replaces a visit at the same instant, or the latest one when it comes less than
 * {@link SAME_VISIT_MS} after it (the same visit, seen again); otherwise it is added in time order — a late,
 * older reading goes before the latest, which keeps its reading.
 */
export function withVisit(visits: readonly Visit[], visit: Visit): Visit[] {
  const kept = visitsBeside(visits, visit.at);
  const at = kept.findIndex((v) => v.at > visit.at);
  const next = at === -1 ? [...kept, visit] : [...kept.slice(0, at), visit, ...kept.slice(at)];
  return latestWhole(next);
}

/**
 * Two histories of one creator as one: every visit of either, in time order; at an instant both have, the
 * `incoming` visit wins (a backup restores what it holds). The latest visit of the result keeps its reading.
 */
export function mergeVisits(current: readonly Visit[], incoming: readonly Visit[]): Visit[] {
  const byTime = new Map<number, Visit>();
  for (const visit of current) byTime.set(visit.at, visit);
  for (const visit of incoming) byTime.set(visit.at, visit);
  return latestWhole([...byTime.values()].sort((a, b) => a.at - b.at));
}
