/**
 * The worker's gate for what content scripts send: a capture becomes a reading only if its envelope and its data
 * pass their schemas, the reading it gives is well-formed, and it is about the page its tab shows. Anything else is
 * dropped with the reason (for the log), never stored.
 */
import { validateCapture } from '../capture';
import { readerForUrl } from '../platforms';
import { validateReading, type Reading } from '../reading';
import { samePage } from '../tab-view';

export type Accepted = { ok: true; reading: Reading } | { ok: false; problem: string };

export function acceptCapture(input: unknown, tabUrl: string | undefined): Accepted {
  const envelope = validateCapture(input);
  if (!envelope.ok) return { ok: false, problem: `malformed capture: ${envelope.problem}` };
  const { capture } = envelope;
  const url = tabUrl ? safeUrl(tabUrl) : undefined;
  const reader = url && readerForUrl(url);
  if (!reader || reader.platform !== capture.platform || !samePage(capture.url, url.href)) {
    return { ok: false, problem: `a capture that does not match its tab: ${capture.url}` };
  }
  const interpreted = reader.interpret(capture);
  if (!interpreted.ok) return { ok: false, problem: `malformed ${capture.platform} capture: ${interpreted.problem}` };
  // The readers build valid readings; checking costs little and keeps a reader bug out of storage.
  const reading = validateReading(interpreted.reading);
  return reading.ok ? reading : { ok: false, problem: `invalid reading: ${reading.problem}` };
}

export function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
