import { PLATFORMS } from '../../lib/reading';
import { SHORTLIST_STATUSES } from '../../lib/store/schema';
import type { CampaignRecord, ShortlistStatus } from '../../lib/store';
import type { ViewFilter } from '../../lib/shortlist/view';
import type { Platform } from '../../lib/reading';
import { PLATFORM_LABELS } from '../format';
import { statusLabel } from './format';

interface Props {
  filter: ViewFilter;
  onChange: (filter: ViewFilter) => void;
  tags: readonly string[];
  /** True while the tags in use are not all known yet (they come with every row). */
  tagsLoading?: boolean;
  campaigns: readonly CampaignRecord[];
}

/** Search and the platform, status, tag and campaign filters above the table. */
export function Filters({ filter, onChange, tags, tagsLoading = false, campaigns }: Props) {
  const set = (patch: Partial<ViewFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;
  const active = Boolean(filter.search || filter.platform || filter.status || filter.tag || filter.campaignId);
  return (
    <form class="filters" role="search" aria-label="Filter the shortlist" onSubmit={(e) => e.preventDefault()}>
      <div class="field grow">
        <label for="filter-search">Search</label>
        <input
          id="filter-search"
          type="search"
          placeholder="Handle, name, notes or tag"
          value={filter.search ?? ''}
          onInput={(e) => set({ search: value(e) || undefined })}
        />
      </div>
      <div class="field">
        <label for="filter-campaign">Campaign</label>
        <select
          id="filter-campaign"
          value={filter.campaignId ?? ''}
          onChange={(e) => set({ campaignId: value(e) || undefined })}
        >
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-platform">Platform</label>
        <select
          id="filter-platform"
          value={filter.platform ?? ''}
          onChange={(e) => set({ platform: (value(e) || undefined) as Platform | undefined })}
        >
          <option value="">All platforms</option>
          {PLATFORMS.map((p) => (
            <option key={p} value={p}>
              {PLATFORM_LABELS[p]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-status">Status</label>
        <select
          id="filter-status"
          value={filter.status ?? ''}
          onChange={(e) => set({ status: (value(e) || undefined) as ShortlistStatus | undefined })}
        >
          <option value="">Any status</option>
          {SHORTLIST_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="filter-tag">Tag</label>
        <select
          id="filter-tag"
          value={filter.tag ?? ''}
          disabled={tagsLoading && !filter.tag}
          onChange={(e) => set({ tag: value(e) || undefined })}
        >
          <option value="">{tagsLoading ? 'Any tag (loading tags…)' : 'Any tag'}</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <div class="field end">
        <button type="button" disabled={!active} onClick={() => onChange({})}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
