import type { CountField } from '../lib/reading';
import { describeCount, formatCount } from './format';

interface Props {
  label: string;
  field: CountField;
}

/** One count of the profile: its value, or plainly why it could not be read. */
export function CountRow({ label, field }: Props) {
  const id = `count-${label.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <div class="count-row" data-count={label.toLowerCase()}>
      <dt id={id}>{label}</dt>
      {field.status === 'known' ? (
        <dd aria-labelledby={id}>
          <span class="count-value">{formatCount(field.value)}</span>
          <span class="count-detail">{describeCount(field)}</span>
        </dd>
      ) : (
        <dd aria-labelledby={id} class={`count-${field.status}`}>
          <span class="count-value">{field.status === 'hidden' ? 'hidden' : 'unknown'}</span>
          <span class="count-detail">
            {field.status === 'hidden'
              ? field.reason
              : `couldn't read ${label.toLowerCase()} on this page: ${field.reason}`}
          </span>
        </dd>
      )}
    </div>
  );
}
