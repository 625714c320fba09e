import { useEffect, useRef, useState } from 'preact/hooks';
import type { Campaign } from '../../lib/campaign';
import { campaignSummary } from '../../lib/campaigns/summary';

interface Props {
  campaigns: Campaign[];
  activeId: string | undefined;
  /** Shortlist entries per campaign id, to say what a deletion takes with it. */
  shortlisted: Record<string, number>;
  /** The campaign open in the editor, if any. */
  editingId: string | undefined;
  onSetActive(id: string): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
}

/**
 * The saved campaigns as a radio group (the checked one is active) with Edit and Delete on each. Delete asks first,
 * in place, saying how many shortlist entries go with the campaign.
 */
export function CampaignList({ campaigns, activeId, shortlisted, editingId, onSetActive, onEdit, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string>();
  if (campaigns.length === 0) return <p class="empty">No campaigns yet. Add one to score creators against it.</p>;
  return (
    <fieldset class="campaign-list">
      <legend>Active campaign</legend>
      <p class="hint">The active campaign is the one the popup scores against and one click saves to.</p>
      {activeId === undefined && (
        <p class="notice" role="note">
          No campaign is active. Choose one so the popup knows which goals to score against.
        </p>
      )}
      <ul>
        {campaigns.map((campaign) => (
          <CampaignItem
            key={campaign.id}
            campaign={campaign}
            active={campaign.id === activeId}
            editing={campaign.id === editingId}
            entries={shortlisted[campaign.id] ?? 0}
            confirming={confirming === campaign.id}
            onSetActive={() => onSetActive(campaign.id)}
            onEdit={() => onEdit(campaign.id)}
            onAskDelete={() => setConfirming(campaign.id)}
            onCancelDelete={() => setConfirming(undefined)}
            onDelete={() => {
              setConfirming(undefined);
              onDelete(campaign.id);
            }}
          />
        ))}
      </ul>
    </fieldset>
  );
}

interface ItemProps {
  campaign: Campaign;
  active: boolean;
  editing: boolean;
  entries: number;
  confirming: boolean;
  onSetActive(): void;
  onEdit(): void;
  onAskDelete(): void;
  onCancelDelete(): void;
  onDelete(): void;
}

function CampaignItem(props: ItemProps) {
  const { campaign, active, editing, entries, confirming } = props;
  const id = `campaign-item-${campaign.id}`;
  const cancel = useRef<HTMLButtonElement>(null);
  const askDelete = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Move focus into the question when it appears, and back to Delete when it is dismissed.
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) askDelete.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  return (
    <li class={`campaign${active ? ' campaign-active' : ''}`} data-campaign-id={campaign.id}>
      <div class="campaign-head">
        <input
          type="radio"
          name="active-campaign"
          id={`${id}-active`}
          checked={active}
          onChange={props.onSetActive}
          aria-describedby={`${id}-summary`}
        />
        <label for={`${id}-active`} class="campaign-name">
          {campaign.name}
        </label>
        {active && <span class="badge">Active</span>}
        <span class="campaign-buttons">
          <button type="button" onClick={props.onEdit} aria-pressed={editing ? 'true' : undefined} disabled={editing}>
            Edit<span class="visually-hidden"> {campaign.name}</span>
          </button>
          <button type="button" class="danger" ref={askDelete} onClick={props.onAskDelete}>
            Delete<span class="visually-hidden"> {campaign.name}</span>
          </button>
        </span>
      </div>
      <p class="campaign-summary" id={`${id}-summary`}>
        {campaignSummary(campaign).join(' · ')}
      </p>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            Delete “{campaign.name}”?{' '}
            {entries === 0
              ? 'No creators are shortlisted in it.'
              : `Its ${entries === 1 ? 'shortlisted creator' : `${entries} shortlisted creators`} will be removed from it too.`}{' '}
            This cannot be undone.
          </p>
          <button type="button" class="danger-solid" onClick={props.onDelete}>
            Delete campaign
          </button>
          <button type="button" ref={cancel} onClick={props.onCancelDelete}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}
