import { useRef, useState } from 'preact/hooks';
import type { CountField } from '../lib/reading';
import { describeCount, formatCount } from './format';

interface Props {
  label: string;
  field: CountField;
  /** When given, a count the page did not show can be typed in; it is then marked as the user's correction. */
  onCorrect?: (value: number) => void;
}

/** One count of the profile: its value, or plainly why it could not be read. */
export function CountRow({ label, field, onCorrect }: Props) {
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
          {onCorrect && <CorrectionForm label={label} onCorrect={onCorrect} />}
        </dd>
      )}
    </div>
  );
}

/** "Enter the number you see": a whole number, 0 or more, checked before it is sent. */
function CorrectionForm({ label, onCorrect }: { label: string; onCorrect: (value: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string>();
  const inputId = `correct-${label.toLowerCase().replace(/\W+/g, '-')}`;
  const submit = (event: Event) => {
    event.preventDefault();
    const digits = (input.current?.value ?? '').replace(/[\s,.'’_]/g, '');
    if (!/^\d{1,13}$/.test(digits)) return setProblem('Enter a whole number, e.g. 12500.');
    setProblem(undefined);
    onCorrect(Number(digits));
  };
  return (
    <form class="correction" onSubmit={submit}>
      <label for={inputId}>Enter the {label.toLowerCase()} you see</label>
      <input
        id={inputId}
        ref={input}
        inputMode="numeric"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
      />
      <button type="submit">Use</button>
      {problem && (
        <span id={`${inputId}-problem`} class="correction-problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}
