/**
 * A single post page's own engagement: by views where the page shows views, and by followers where it also shows
 * the author's follower count (YouTube's watch page). One post is an anecdote, not a rate for the creator, so these
 * are figures about this post only.
 */
import type { CountField, PostPageReading } from '../reading';
import { countWord, followersWord, missingReason, VIEW_RATE_PARTS, type CountName, type Figure } from './engagement';

/** What a post page's numbers say about that post. */
export interface PostAssessment {
  platform: PostPageReading['platform'];
  postId: string;
  url: string;
  author: string;
  readAt: number;
  /** (likes + comments [+ shares]) ÷ views, with the platform's parts as for profiles. */
  byViews: Figure;
  /** (likes + comments) ÷ the author's followers, when the post page shows them. */
  byFollowers: Figure;
}

function ratioFigure(
  id: string,
  label: string,
  parts: [string, CountField][],
  denominator: [string, CountField],
): Figure {
  const formula = `(${parts.map(([name]) => name).join(' + ')}) ÷ ${denominator[0]}, this post only`;
  const inputs: Figure['inputs'] = [];
  for (const [name, field] of [...parts, denominator]) {
    const missing = missingReason(name, field);
    if (missing || field.status !== 'known') {
      return { id, label, formula, status: 'unavailable', value: null, reason: missing, inputs, notes: [] };
    }
    inputs.push({ name, value: field.value, text: field.text, exact: field.exact });
  }
  const values = inputs.map((i) => i.value);
  const bottom = values.pop() ?? 0;
  if (bottom === 0) {
    return { id, label, formula, status: 'unavailable', value: null, reason: `0 ${denominator[0]}`, inputs, notes: [] };
  }
  const notes = inputs.some((i) => !i.exact) ? ['some counts are rounded on the page and taken at face value'] : [];
  const value = values.reduce((s, x) => s + x, 0) / bottom;
  return { id, label, formula, status: 'ok', value, reason: null, inputs, notes };
}

/** The engagement of the post a post page shows. */
export function assessPost(reading: PostPageReading): PostAssessment {
  const { platform, post } = reading;
  const named = (name: CountName): [string, CountField] => [countWord(platform, name), post[name]];
  const followers: CountField = reading.authorFollowers ?? {
    status: 'unknown',
    reason: `this post page does not show the author's ${followersWord(platform)}`,
  };
  return {
    platform,
    postId: post.id,
    url: reading.url,
    author: reading.author,
    readAt: reading.readAt,
    byViews: ratioFigure('post-er-views', 'Engagement by views', VIEW_RATE_PARTS[platform].map(named), named('views')),
    byFollowers: ratioFigure(
      'post-er-followers',
      `Engagement by ${followersWord(platform)}`,
      [named('likes'), named('comments')],
      [followersWord(platform), followers],
    ),
  };
}
