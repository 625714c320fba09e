import type { ProfileReading, PostPageReading } from '../lib/reading';
import type { TabView } from '../lib/tab-view';
import type { TabState } from '../lib/background/tab-state';
import { AssessmentView, PostAssessmentView, Summary } from './AssessmentView';
import { CountRow } from './CountRow';
import { PLATFORM_LABELS } from './format';

interface Props {
  /** Undefined while the background is being asked. */
  view: TabView | undefined;
  error?: string;
}

const POSTS_LABEL = { instagram: 'Posts', tiktok: 'Videos', youtube: 'Videos', x: 'Posts' } as const;
const FOLLOWERS_LABEL = {
  instagram: 'Followers',
  tiktok: 'Followers',
  youtube: 'Subscribers',
  x: 'Followers',
} as const;

/** The whole popup: one of the states a tab can be in, each saying plainly what the user can do. */
export function PopupView({ view, error }: Props) {
  if (error) return <Message title="Something went wrong" body={error} />;
  if (!view) return <Message title="Reading this page…" body="" busy />;
  switch (view.state) {
    case 'unsupported':
      return (
        <Message
          title="Open a creator's profile"
          body="Creator Scout reads profiles on Instagram, TikTok, YouTube and X. Open one in this tab, then click the icon again."
        />
      );
    case 'waiting':
      return (
        <Message
          title={`Waiting for this ${PLATFORM_LABELS[view.platform]} page`}
          body="The page hasn't been read yet. If it was open before Creator Scout was installed, reload it."
        />
      );
    case 'read':
      return <ReadingView state={view} />;
  }
}

function ReadingView({ state }: { state: TabState }) {
  const { reading } = state;
  const platform = PLATFORM_LABELS[reading.platform];
  if (reading.kind === 'other') {
    return (
      <Message title={`Not a ${platform} profile Creator Scout can read`} body={`This page: ${reading.reason}.`} />
    );
  }
  return reading.kind === 'profile' ? (
    <ProfileView reading={reading} state={state} />
  ) : (
    <PostView reading={reading} state={state} />
  );
}

function ProfileView({ reading, state }: { reading: ProfileReading; state: TabState }) {
  const visible = reading.recentPosts;
  const withViews = visible.filter((p) => p.views.status === 'known').length;
  return (
    <main class="reading" aria-label="Creator">
      <header class="creator-header">
        <p class="platform">{PLATFORM_LABELS[reading.platform]}</p>
        <h1 class="handle">@{reading.handle}</h1>
        {reading.displayName && <p class="display-name">{reading.displayName}</p>}
      </header>
      {state.assessment && <Summary assessment={state.assessment} />}
      <dl class="counts">
        <CountRow label={FOLLOWERS_LABEL[reading.platform]} field={reading.followers} />
        {/* YouTube has no "following" for channels: a row that can never be read is noise. */}
        {reading.platform !== 'youtube' && <CountRow label="Following" field={reading.following} />}
        <CountRow label={POSTS_LABEL[reading.platform]} field={reading.posts} />
        {reading.platform === 'tiktok' && <CountRow label="Likes" field={reading.totalLikes} />}
      </dl>
      <p class="posts-summary">
        {visible.length === 0
          ? 'No posts visible on the page yet.'
          : `${visible.length} ${visible.length === 1 ? 'post' : 'posts'} visible on the page, ${withViews} with view counts.`}
      </p>
      {state.assessment && <AssessmentView assessment={state.assessment} />}
    </main>
  );
}

function PostView({ reading, state }: { reading: PostPageReading; state: TabState }) {
  const { post } = reading;
  return (
    <main class="reading" aria-label="Post">
      <header class="creator-header">
        <p class="platform">{PLATFORM_LABELS[reading.platform]} post</p>
        <h1 class="handle">@{reading.author}</h1>
      </header>
      <dl class="counts">
        <CountRow label="Views" field={post.views} />
        <CountRow label="Likes" field={post.likes} />
        <CountRow label="Comments" field={post.comments} />
        <CountRow label="Shares" field={post.shares} />
        <CountRow label="Saves" field={post.saves} />
      </dl>
      {state.postAssessment && <PostAssessmentView assessment={state.postAssessment} />}
    </main>
  );
}

function Message({ title, body, busy = false }: { title: string; body: string; busy?: boolean }) {
  return (
    <main class="message" aria-busy={busy}>
      <h1>{title}</h1>
      {body && <p>{body}</p>}
    </main>
  );
}
