/**
 * The English label words of a profile's three counts. The collector matches them to the header's labels, the
 * reader to the served description's; other languages fall back on Instagram's fixed order.
 */
export type StatKey = 'followers' | 'following' | 'posts';

export const STAT_WORDS: Readonly<Record<string, StatKey>> = {
  follower: 'followers',
  followers: 'followers',
  following: 'following',
  post: 'posts',
  posts: 'posts',
};
