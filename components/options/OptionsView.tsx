import { useRef, useState } from 'preact/hooks';
import type { Campaign } from '../../lib/campaign';
import type { AssessSettings } from '../../lib/assess/settings';
import { campaignToForm, emptyCampaignForm, type CampaignForm } from '../../lib/campaigns/form';
import { SAMPLE_CAMPAIGN_ID } from '../../lib/fit/campaigns';
import type { SettingsForm } from '../../lib/options/settings-form';
import { CampaignEditor, type CampaignSaveOutcome } from './CampaignEditor';
import { CampaignList } from './CampaignList';
import { StatusLine, type Status } from './Field';
import { SettingsEditor, type SettingsOutcome } from './SettingsEditor';
import { WelcomeGuide } from './WelcomeGuide';

/** The campaigns as loaded from the store. */
export interface CampaignsState {
  list: Campaign[];
  activeId: string | undefined;
  /** Shortlist entries per campaign id. */
  shortlisted: Record<string, number>;
}

export interface OptionsViewProps {
  /** Show the first-run guide (the page was opened with `?welcome=1`). */
  welcome: boolean;
  onDismissWelcome(): void;
  /** Set when the stored data could not be read at all. */
  loadError?: string;
  /** Undefined while loading. */
  campaigns: CampaignsState | undefined;
  /** Undefined while loading. */
  settings: { value: AssessSettings; problems: string[] } | undefined;
  onSaveCampaign(form: CampaignForm, existing: Campaign | undefined, makeActive: boolean): Promise<CampaignSaveOutcome>;
  onSetActive(id: string): Promise<Status>;
  onDeleteCampaign(id: string): Promise<Status>;
  onSaveSettings(form: SettingsForm): Promise<SettingsOutcome>;
  onResetSettings(): Promise<SettingsOutcome>;
}

type Editing = { mode: 'new'; key: number } | { mode: 'edit'; id: string; key: number };

/** The options page: first-run guide, campaigns (list and editor), assessment settings. */
export function OptionsView(props: OptionsViewProps) {
  const { campaigns, settings } = props;
  const [editing, setEditing] = useState<Editing>();
  const [status, setStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);
  const editingCampaign =
    editing?.mode === 'edit' ? campaigns?.list.find((campaign) => campaign.id === editing.id) : undefined;
  const sample = campaigns?.list.find((campaign) => campaign.id === SAMPLE_CAMPAIGN_ID);

  function closeEditor() {
    setEditing(undefined);
    heading.current?.focus();
  }

  return (
    <main class="options">
      <header class="page-header">
        <h1>Creator Scout</h1>
        <p class="hint">Your campaign goals and assessment settings. Everything here stays in this browser.</p>
      </header>

      {props.loadError && (
        <p class="notice notice-error" role="alert">
          {props.loadError}
        </p>
      )}

      {/* Everything appears in one paint once both are read (a few milliseconds), so nothing moves afterwards. */}
      {campaigns && settings ? (
        <>
          {props.welcome && (
            <WelcomeGuide
              sampleName={sample?.name}
              onDismiss={() => {
                props.onDismissWelcome();
                // The button that had focus goes with the guide: continue at the campaigns.
                heading.current?.focus();
              }}
            />
          )}
          <section class="card" aria-labelledby="campaigns-title">
            <h2 id="campaigns-title" ref={heading} tabIndex={-1}>
              Campaigns
            </h2>
            <StatusLine status={status} />
            <CampaignList
              campaigns={campaigns.list}
              activeId={campaigns.activeId}
              shortlisted={campaigns.shortlisted}
              editingId={editing?.mode === 'edit' ? editing.id : undefined}
              onSetActive={(id) => void props.onSetActive(id).then(setStatus)}
              onEdit={(id) => setEditing({ mode: 'edit', id, key: Date.now() })}
              onDelete={(id) =>
                void props.onDeleteCampaign(id).then((result) => {
                  setStatus(result);
                  if (editing?.mode === 'edit' && editing.id === id) setEditing(undefined);
                  heading.current?.focus();
                })
              }
            />
            {!editing && (
              <div class="actions">
                <button type="button" class="primary" onClick={() => setEditing({ mode: 'new', key: Date.now() })}>
                  New campaign
                </button>
              </div>
            )}
            {editing && (editing.mode === 'new' || editingCampaign) && (
              <CampaignEditor
                key={editing.key}
                campaign={editingCampaign}
                initial={editingCampaign ? campaignToForm(editingCampaign) : emptyCampaignForm()}
                isActive={editingCampaign !== undefined && editingCampaign.id === campaigns.activeId}
                thresholds={settings.value.tiers}
                onCancel={closeEditor}
                onSave={async (form, makeActive) => {
                  const outcome = await props.onSaveCampaign(form, editingCampaign, makeActive);
                  if (outcome.ok) {
                    setStatus({ kind: 'ok', text: outcome.message });
                    closeEditor();
                  }
                  return outcome;
                }}
              />
            )}
          </section>
          <SettingsEditor
            settings={settings.value}
            problems={settings.problems}
            onSave={props.onSaveSettings}
            onReset={props.onResetSettings}
          />
        </>
      ) : (
        !props.loadError && (
          <p class="hint" aria-busy="true">
            Loading your campaigns and settings…
          </p>
        )
      )}
    </main>
  );
}
