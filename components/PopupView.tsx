import type { ProfileReading, PostPageReading } from '../lib/reading';
import type { TabView } from '../lib/tab-view';
import type { TabState } from '../lib/background/tab-state';
import { AssessmentView, PostAssessmentView, Summary } from './AssessmentView';
import { CountRow } from './CountRow';
import { FitView } from './FitView';
import { COUNT_LABELS, PLATFORM_LABELS } from './format';
import type { CorrectableCount } from '../lib/background/corrections';
import { SaveBar } from './SaveBar';

/** What the popup can ask for; the entrypoint does the messaging. */
export interface PopupActions {
  onSave: () => void;
  onOpenShortlist: () => void;
  onSwitchCampaign: (campaignId: string) => void;
  onEditCampaigns: () => void;
  onCorrect: (field: CorrectableCount, value: number) => void;
  saving: boolean;
  saveMessage?: string;
}

interface Props {
  /** Undefined while the background is being asked. */
  view: TabView | undefined;
  /** True until the view from a fresh capture of the page has arrived; `view` is the stored one meanwhile. */
  refreshing?: boolean;
  error?: string;
  actions: PopupActions;
}

/** The whole popup: one of the states a tab can be in, each saying plainly what the user can do. */
export function PopupView({ view, refreshing = false, error, actions }: Props) {
  if (error) return <Message title="Something went wrong" body={error} />;
  // Nothing stored for this page yet is not yet a reason to suggest reloading it: the capture asked for may bring it.
  if (!view || (view.state === 'waiting' && refreshing)) return <Message title="Reading this page…" body="" busy />;
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
      return <ReadingView view={view} actions={actions} />;
  }
}

type ReadView = Extract<TabView, { state: 'read' }>;

function ReadingView({ view, actions }: { view: ReadView; actions: PopupActions }) {
  const { reading } = view;
  const platform = PLATFORM_LABELS[reading.platform];
  if (reading.kind === 'other') {
    return (
      <Message title={`Not a ${platform} profile Creator Scout can read`} body={`This page: ${reading.reason}.`} />
    );
  }
  return reading.kind === 'profile' ? (
    <ProfileView reading={reading} view={view} actions={actions} />
  ) : (
    <PostView reading={reading} state={view} />
  );
}

function ProfileView({ reading, view, actions }: { reading: ProfileReading; view: ReadView; actions: PopupActions }) {
  const { shortlist } = view;
  const activeName = shortlist?.campaigns.find((c) => c.id === shortlist.activeCampaignId)?.name;
  const visible = reading.recentPosts;
  const withViews = visible.filter((p) => p.views.status === 'known').length;
  return (
    <main class="reading" aria-label="Creator">
      <header class="creator-header">
        <p class="platform">{PLATFORM_LABELS[reading.platform]}</p>
        <h1 class="handle">@{reading.handle}</h1>
        {reading.displayName && <p class="display-name">{reading.displayName}</p>}
      </header>
      {view.assessment && <Summary assessment={view.assessment} fit={shortlist?.fit} />}
      {view.storageProblem && (
        <p class="save-message" role="alert">
          {view.storageProblem}
        </p>
      )}
      {shortlist && (
        <>
          <SaveBar
            saved={shortlist.saved}
            activeCampaignName={activeName}
            busy={actions.saving}
            message={actions.saveMessage}
            onSave={actions.onSave}
            onOpenShortlist={actions.onOpenShortlist}
          />
          <FitView
            fit={shortlist.fit}
            campaigns={shortlist.campaigns}
            activeCampaignId={shortlist.activeCampaignId}
            onSwitchCampaign={actions.onSwitchCampaign}
            onEditCampaigns={actions.onEditCampaigns}
          />
        </>
      )}
      <dl class="counts">
        <CountRow
          label={COUNT_LABELS[reading.platform].followers}
          field={reading.followers}
          onCorrect={(n) => actions.onCorrect('followers', n)}
        />
        {/* YouTube has no "following" for channels: a row that can never be read is noise. */}
        {reading.platform !== 'youtube' && (
          <CountRow label="Following" field={reading.following} onCorrect={(n) => actions.onCorrect('following', n)} />
        )}
        <CountRow
          label={COUNT_LABELS[reading.platform].posts}
          field={reading.posts}
          onCorrect={(n) => actions.onCorrect('posts', n)}
        />
        {reading.platform === 'tiktok' && <CountRow label="Likes" field={reading.totalLikes} />}
      </dl>
      <p class="posts-summary">
        {visible.length === 0
          ? 'No posts visible on the page yet.'
          : `${visible.length} ${visible.length === 1 ? 'post' : 'posts'} visible on the page, ${withViews} with view counts.`}
      </p>
      {view.assessment && <AssessmentView assessment={view.assessment} />}
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
        {(['views', 'likes', 'comments', 'shares', 'saves'] as const).map((name) => (
          <CountRow key={name} label={COUNT_LABELS[reading.platform][name]} field={post[name]} />
        ))}
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
