/**
 * Hand-built, clearly SYNTHETIC readings for the assessment tests: no real page produced these numbers. Each helper
 * builds a value the reading schema accepts (checked in `profile()`), so the tests exercise the same shapes the
 * platform readers deliver.
 */
import * as v from 'valibot';
import {
  PostPageReadingSchema,
  ProfileReadingSchema,
  type CountField,
  type Platform,
  type PostPageReading,
  type PostReading,
  type ProfileReading,
} from '../../../lib/reading';

/** An exact count, as from a title attribute. */
export function exact(value: number): CountField {
  return {
    status: 'known',
    value,
    text: value.toLocaleString('en-US'),
    exact: true,
    min: value,
    max: value,
    source: 'title-attribute',
  };
}

/** A rounded count as shown ("783.4K" → 783,400 … 783,499). */
export function rounded(value: number, text: string, min: number, max: number): CountField {
  return { status: 'known', value, text, exact: false, min, max, source: 'visible-text' };
}

export function hidden(reason = 'the creator hid the like count'): CountField {
  return { status: 'hidden', reason, source: 'visible-text' };
}

export function unknown(reason = 'no count on this tile'): CountField {
  return { status: 'unknown', reason };
}

type Counts = Partial<Record<'likes' | 'comments' | 'views' | 'shares' | 'saves', number | CountField>>;
const field = (x: number | CountField | undefined): CountField =>
  x === undefined ? unknown() : typeof x === 'number' ? exact(x) : x;

let nextId = 0;
/** A post with the given counts; missing counts are unknown. */
export function post(counts: Counts, extra: Partial<PostReading> = {}): PostReading {
  nextId++;
  return {
    id: `synthetic-${nextId}`,
    url: `https://example.invalid/p/synthetic-${nextId}`,
    format: 'post',
    pinned: false,
    repost: false,
    likes: field(counts.likes),
    comments: field(counts.comments),
    views: field(counts.views),
    shares: field(counts.shares),
    saves: field(counts.saves),
    ...extra,
  };
}

/** Posts with these likes and comments ([likes, comments] pairs), views and shares unknown. */
export function likePosts(pairs: [number, number][]): PostReading[] {
  return pairs.map(([likes, comments]) => post({ likes, comments }));
}

export const READ_AT = Date.UTC(2025, 0, 15);

/** A synthetic profile reading, validated against the reading schema. */
export function profile(
  platform: Platform,
  fields: Partial<Omit<ProfileReading, 'followers'>> & { followers?: number | CountField } = {},
): ProfileReading {
  const { followers, ...rest } = fields;
  const reading: ProfileReading = {
    kind: 'profile',
    platform,
    url: `https://example.invalid/${platform}/synthetic_creator`,
    lang: 'en',
    readAt: READ_AT,
    handle: 'synthetic_creator',
    followers: field(followers ?? 10_000),
    following: exact(200),
    posts: exact(300),
    totalLikes: unknown('this platform shows no total'),
    recentPosts: [],
    ...rest,
  };
  return v.parse(ProfileReadingSchema, reading);
}

/** A synthetic post-page reading, validated against the reading schema. */
export function postPage(platform: Platform, p: PostReading, authorFollowers?: CountField): PostPageReading {
  const reading: PostPageReading = {
    kind: 'post',
    platform,
    url: `https://example.invalid/${platform}/post`,
    lang: 'en',
    readAt: READ_AT,
    author: 'synthetic_creator',
    post: p,
    ...(authorFollowers ? { authorFollowers } : {}),
  };
  return v.parse(PostPageReadingSchema, reading);
}

/** Every number anywhere in a value, for "all finite" checks. */
export function allNumbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(allNumbers);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allNumbers);
  return [];
}
