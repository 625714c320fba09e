/**
 * The shortlist database's shape: its name and version, the stores and indexes, the record types and the valibot
 * schemas that check every record written by the repository and every record a backup file brings back.
 *
 * The database lives in the extension's own origin (background worker or extension pages). A content script that
 * opened it would open the *site's* database instead, so content scripts reach it by message.
 */
import * as v from 'valibot';
import type { DBSchema } from 'idb';
import { AssessSettingsSchema } from '../assess/settings';
import { CampaignSchema, type Campaign } from '../campaign';
import { PlatformSchema, ProfileReadingSchema, type Platform } from '../reading';

/** The IndexedDB database's name. */
export const DB_NAME = 'creator-scout';
/**
 * The current schema version. Each version has exactly one upgrade step in db.ts:
 * 1 — creators, snapshots, campaigns, entries (by campaign, by creator), meta;
 * 2 — entries by status and by tag (multiEntry), with tags normalised so the tag index holds clean values;
 * 3 — one history record per creator (`histories`) instead of one snapshot record per visit (`snapshots`, removed):
 *     every visit kept as its few figures, only the latest with its whole reading and assessment. Later visits keep
 *     the assessment's settings instead of the assessment (an optional field, so no new version: records written
 *     before keep their assessment and are read as they are).
 */
export const DB_VERSION = 3;

/** Object store names. */
export const STORE_NAMES = ['creators', 'histories', 'campaigns', 'entries', 'meta'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Where a creator stands in a campaign's outreach. */
export const SHORTLIST_STATUSES = ['prospect', 'contacted', 'negotiating', 'booked', 'declined'] as const;
export const ShortlistStatusSchema = v.picklist(SHORTLIST_STATUSES);
export type ShortlistStatus = v.InferOutput<typeof ShortlistStatusSchema>;

/** Limits that keep one record (and so a hostile backup) bounded. */
export const LIMITS = {
  handle: 100,
  key: 220,
  notes: 10_000,
  tag: 50,
  tags: 50,
  /** Largest assessment kept with a visit (records written before settings were kept instead), in characters of JSON. */
  assessmentChars: 256_000,
  /** Deepest nesting of an assessment's JSON. */
  assessmentDepth: 32,
  /** Most visits in one creator's history: one an hour (see SAME_VISIT_MS) for over ten years. */
  visits: 100_000,
} as const;

const timestamp = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.pipe(v.number(), v.finite(), v.integer(), v.minValue(0), v.maxValue(1e13));
const money = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1e12));

/**
 * A creator's handle as the readers produce it (no "@"; a channel id for YouTube channels without a handle). The
 * characters excluded are those that would make a key or a profile URL ambiguous.
 */
export const HandleSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(LIMITS.handle),
  v.regex(/^[^\s/?#|:@\\]+$/u, 'a handle has no spaces and none of / ? # | : @ \\'),
);

/** The creator's key: platform and handle, the handle in lower case because the sites treat it case-insensitively. */
export function creatorKey(platform: Platform, handle: string): string {
  return `${platform}:${handle.toLowerCase()}`;
}

/** The key of a shortlist entry: one per creator per campaign. */
export function entryKey(campaignId: string, creatorKeyValue: string): string {
  return `${campaignId}|${creatorKeyValue}`;
}

/**
 * Tags as they are stored: trimmed, inner white space folded, empty ones dropped, at most {@link LIMITS.tag}
 * characters, each once (compared case-insensitively, the first spelling kept), at most {@link LIMITS.tags}.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = cutAt(raw.replace(/\s+/g, ' ').trim(), LIMITS.tag).trim();
    const folded = tag.toLowerCase();
    if (!tag || seen.has(folded)) continue;
    seen.add(folded);
    out.push(tag);
    if (out.length >= LIMITS.tags) break;
  }
  return out;
}

/** The first `max` UTF-16 code units of `text`, one fewer if the cut would split a surrogate pair (an emoji). */
function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * True when `value` is plain JSON data (null, booleans, finite numbers, strings, arrays, plain objects) within
 * the depth and size limits, with no `__proto__` key. Assessments are stored without being interpreted, so this
 * is all the store checks about them.
 */
export function isBoundedJson(
  value: unknown,
  maxDepth: number = LIMITS.assessmentDepth,
  maxChars: number = LIMITS.assessmentChars,
): boolean {
  let budget = maxChars;
  const visit = (node: unknown, depth: number): boolean => {
    if (depth > maxDepth) return false;
    if (node === null || typeof node === 'boolean') return (budget -= 5) >= 0;
    if (typeof node === 'number') return Number.isFinite(node) && (budget -= 24) >= 0;
    if (typeof node === 'string') return (budget -= node.length + 2) >= 0;
    if (Array.isArray(node)) {
      if ((budget -= 2) < 0) return false;
      for (let i = 0; i < node.length; i++) {
        // A sparse array's holes would come back as null: not the same value.
        if (!(i in node) || !visit(node[i], depth + 1)) return false;
      }
      return true;
    }
    if (typeof node !== 'object') return false;
    const proto = Object.getPrototypeOf(node);
    if (proto !== Object.prototype && proto !== null) return false;
    if ((budget -= 2) < 0) return false;
    for (const key of Object.keys(node)) {
      if (key === '__proto__' || (budget -= key.length + 3) < 0) return false;
      if (!visit((node as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return visit(value, 0);
}

/** An older record's assessment, kept as JSON the store does not interpret (its type belongs to lib/assess). */
export const JsonValueSchema = v.custom<unknown>(
  (input) => isBoundedJson(input),
  `must be plain JSON, at most ${LIMITS.assessmentDepth} levels deep and ${LIMITS.assessmentChars} characters`,
);

/**
 * The figures of an assessment kept on the creator row (the latest) and with every visit in its history: engagement,
 * tier, fit and price. The caller (which knows the assessment's type) supplies them.
 */
const figureEntries = {
  /** Engagement rate as a fraction (0.021 for 2.1%). */
  engagementRate: v.optional(v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(10_000))),
  /** Tier name (nano, micro, …). */
  tier: v.optional(shortText(50)),
  /** Fit score against the campaign it was assessed for. */
  fitScore: v.optional(v.pipe(v.number(), v.finite(), v.minValue(-1e6), v.maxValue(1e6))),
  /** Estimated price per post in US dollars. */
  priceMin: v.optional(money),
  priceMax: v.optional(money),
};
const pricesInOrder = (s: { priceMin?: number; priceMax?: number }) =>
  s.priceMin === undefined || s.priceMax === undefined || s.priceMin <= s.priceMax;
const PRICE_ORDER = 'priceMin must not exceed priceMax';

/** The few numbers of an assessment kept on the creator row, for the shortlist table and the CSV. */
export const CreatorSummarySchema = v.pipe(
  v.object({ followers: v.optional(v.object({ value: count, exact: v.boolean() })), ...figureEntries }),
  v.check((s) => pricesInOrder(s), PRICE_ORDER),
);
/** Denormalised summary numbers of a creator's latest assessment. */
export type CreatorSummary = v.InferOutput<typeof CreatorSummarySchema>;

/** A saved creator, one per platform and handle. */
export const CreatorRecordSchema = v.pipe(
  v.object({
    key: shortText(LIMITS.key),
    platform: PlatformSchema,
    handle: HandleSchema,
    displayName: v.optional(shortText(200)),
    profileUrl: shortText(2000),
    firstSeen: timestamp,
    lastSeen: timestamp,
    summary: CreatorSummarySchema,
    /**
     * Set on a creator added from a pasted list or CSV (by address or handle) whose profile has not been read yet:
     * the record has no counts, and firstSeen/lastSeen are when it was added, not when the profile was seen. The
     * first visit writes a full record without it.
     */
    unvisited: v.optional(v.literal(true)),
  }),
  v.check(
    (c) => c.key === creatorKey(c.platform, c.handle),
    'key must be "platform:handle" with the handle in lower case',
  ),
  v.check((c) => c.firstSeen <= c.lastSeen, 'firstSeen must not be after lastSeen'),
);
export type CreatorRecord = v.InferOutput<typeof CreatorRecordSchema>;

/**
 * A count as a visit's history keeps it: the number and whether it was exact, or only that the creator hid it or
 * the page did not show it (the reason and the page text stay with the latest reading alone).
 */
export const VisitCountSchema = v.variant('status', [
  v.object({ status: v.literal('known'), value: count, exact: v.boolean() }),
  v.object({ status: v.literal('hidden') }),
  v.object({ status: v.literal('unknown') }),
]);
export type VisitCount = v.InferOutput<typeof VisitCountSchema>;

/**
 * One visit to a creator's profile: when, the counts the page showed and the assessment's figures. The latest
 * visit of a history also keeps the whole reading and the settings it was assessed with, from which the whole
 * assessment is recomputed when it is shown (lib/shortlist/latest-assessment.ts); earlier ones keep only these few
 * numbers, so a history stays small however often a creator is visited.
 */
export const VisitSchema = v.pipe(
  v.object({
    at: timestamp,
    followers: VisitCountSchema,
    following: VisitCountSchema,
    posts: VisitCountSchema,
    totalLikes: VisitCountSchema,
    ...figureEntries,
    reading: v.optional(ProfileReadingSchema),
    /**
     * The assessment settings the reading was assessed with (~200 characters). With the reading they give the
     * assessment back, which is derived and 10–24 KB with real pages, so it is not stored.
     */
    settings: v.optional(AssessSettingsSchema),
    /**
     * The whole assessment, as records written before `settings` was kept hold it (and backups of them): stored as
     * JSON, not interpreted here, and shown as it is. New visits do not have it.
     */
    assessment: v.optional(JsonValueSchema),
  }),
  v.check((s) => pricesInOrder(s), PRICE_ORDER),
);
export type Visit = v.InferOutput<typeof VisitSchema>;

/** True when `visits` are in time order, no two at the same instant. */
function inTimeOrder(visits: readonly Visit[]): boolean {
  for (let i = 1; i < visits.length; i++) if (visits[i - 1]!.at >= visits[i]!.at) return false;
  return true;
}

/** True when the latest visit, and only it, keeps a reading, and no earlier visit keeps settings or an assessment. */
function latestAloneWhole(visits: readonly Visit[]): boolean {
  const last = visits.length - 1;
  return visits.every((visit, i) =>
    i === last ? visit.reading !== undefined : !visit.reading && !visit.settings && !visit.assessment,
  );
}

/** A saved creator's history: every visit, oldest first, one record per creator. */
export const CreatorHistorySchema = v.pipe(
  v.object({
    creatorKey: shortText(LIMITS.key),
    visits: v.pipe(v.array(VisitSchema), v.minLength(1), v.maxLength(LIMITS.visits)),
  }),
  v.check((h) => inTimeOrder(h.visits), 'visits must be oldest first, no two at the same time'),
  v.check(
    (h) => latestAloneWhole(h.visits),
    'the latest visit, and only it, keeps its reading, settings and assessment (the latest must have a reading)',
  ),
  v.check((h) => {
    const reading = h.visits.at(-1)?.reading;
    return reading !== undefined && h.creatorKey === creatorKey(reading.platform, reading.handle);
  }, "creatorKey must match the latest reading's platform and handle"),
);
export type CreatorHistory = v.InferOutput<typeof CreatorHistorySchema>;

/** A campaign as stored. */
export const CampaignRecordSchema = CampaignSchema;
export type CampaignRecord = Campaign;

/** Tags as stored: already normalised (see {@link normaliseTags}). */
export const TagsSchema = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tag))),
  v.maxLength(LIMITS.tags),
  v.check(
    (tags) => JSON.stringify(normaliseTags(tags)) === JSON.stringify(tags),
    'tags must be trimmed, non-empty and not repeated',
  ),
);

/** A creator on a campaign's shortlist. */
export const ShortlistEntrySchema = v.pipe(
  v.object({
    key: shortText(LIMITS.key + 101),
    campaignId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
    creatorKey: shortText(LIMITS.key),
    status: ShortlistStatusSchema,
    notes: shortText(LIMITS.notes),
    tags: TagsSchema,
    addedAt: timestamp,
    updatedAt: timestamp,
  }),
  v.check((e) => e.key === entryKey(e.campaignId, e.creatorKey), 'key must be "campaignId|creatorKey"'),
);
export type ShortlistEntry = v.InferOutput<typeof ShortlistEntrySchema>;

/** Small settings kept with the data: which campaign one click saves to. */
export const MetaSchema = v.object({
  activeCampaignId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
});
export type Meta = v.InferOutput<typeof MetaSchema>;
export type MetaKey = keyof Meta;
/** One setting as a row of the meta store. */
export interface MetaRow<K extends MetaKey = MetaKey> {
  key: K;
  value: NonNullable<Meta[K]>;
}

/** Index names, by store. Upgrade steps in db.ts spell them out literally so a later rename cannot rewrite history. */
export const INDEXES = {
  creators: { lastSeen: 'by-lastSeen', platform: 'by-platform' },
  entries: { campaign: 'by-campaign', creator: 'by-creator', status: 'by-status', tag: 'by-tag' },
} as const;

/** The database's typed shape for idb. */
export interface ScoutDBSchema extends DBSchema {
  creators: { key: string; value: CreatorRecord; indexes: { 'by-lastSeen': number; 'by-platform': Platform } };
  histories: { key: string; value: CreatorHistory };
  campaigns: { key: string; value: CampaignRecord };
  entries: {
    key: string;
    value: ShortlistEntry;
    indexes: { 'by-campaign': string; 'by-creator': string; 'by-status': ShortlistStatus; 'by-tag': string };
  };
  meta: { key: string; value: MetaRow };
}
