import type { FitResult } from '../lib/fit';
import { formatCoverage, formatReason } from '../lib/fit/format';

interface Props {
  fit: FitResult | undefined;
  campaigns: { id: string; name: string }[];
  activeCampaignId: string | undefined;
  onSwitchCampaign: (id: string) => void;
  onEditCampaigns: () => void;
}

/** The fit score for the active campaign, every point of it explained, and the campaign switcher. */
export function FitView({ fit, campaigns, activeCampaignId, onSwitchCampaign, onEditCampaigns }: Props) {
  return (
    <section class="fit" aria-labelledby="fit-heading">
      <div class="fit-head">
        <h2 id="fit-heading">Fit</h2>
        {campaigns.length > 0 && (
          <label class="campaign-switch">
            <span class="visually-hidden">Campaign</span>
            <select
              value={activeCampaignId}
              onChange={(e) => onSwitchCampaign((e.currentTarget as HTMLSelectElement).value)}
              aria-label="Campaign to score against"
            >
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!fit ? (
        <p class="note">No campaign yet: create one on the options page to see how this creator fits.</p>
      ) : (
        <>
          <p class="fit-score" data-testid="fit-score">
            <span class="fit-number">{fit.disqualified ? 0 : (fit.score ?? '—')}</span>
            <span class="fit-of">/100</span>
            <span class="fit-coverage">
              {fit.disqualified
                ? `ruled out: ${fit.disqualified.reason}`
                : fit.score === null
                  ? 'nothing this campaign asks for could be judged here'
                  : formatCoverage(fit.coverage)}
            </span>
          </p>
          <ul class="fit-criteria" aria-label="Why this score">
            {fit.criteria
              .filter((c) => c.status !== 'not-set')
              .map((c) => (
                <li key={c.id} class={`criterion criterion-${c.status}`} data-criterion={c.id}>
                  {formatReason(c)}
                </li>
              ))}
          </ul>
          {fit.criteria.some((c) => c.status === 'not-set') && (
            <p class="note">
              Not set in this campaign:{' '}
              {fit.criteria
                .filter((c) => c.status === 'not-set')
                .map((c) => c.label.toLowerCase())
                .join(', ')}
              .
            </p>
          )}
        </>
      )}
      <button type="button" class="link-button" onClick={onEditCampaigns}>
        Edit campaigns and settings
      </button>
    </section>
  );
}
