import type { ComponentChildren } from 'preact';

/** The ids that tie a control to its label, hint and error, so screen readers read all three. */
export function fieldIds(id: string, hint: boolean, error: string | undefined) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return {
    id,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  /** The control, built with {@link fieldIds} (same id, hint and error). */
  children: ComponentChildren;
  class?: string;
}

/** A labelled control with its hint below the label and its error, in words, right under the control. */
export function Field({ id, label, hint, error, children, class: className }: FieldProps) {
  return (
    <div class={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The error line of a field (empty when there is none). */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  );
}

/** A message for the last action: polite for news, assertive for a failure the person must act on. */
export function StatusLine({ status }: { status: Status | undefined }) {
  return (
    <div class="status-slot">
      <p class={`status${status?.kind === 'error' ? ' status-error' : ''}`} role="status">
        {status?.kind !== 'error' ? status?.text : ''}
      </p>
      <p class="status status-error" role="alert">
        {status?.kind === 'error' ? status.text : ''}
      </p>
    </div>
  );
}

/** What happened after an action, to say on the page. */
export interface Status {
  kind: 'ok' | 'error';
  text: string;
}
