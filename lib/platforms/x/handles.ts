/** Where X's page names the profile it shows, read the same way by the page (to wait) and the worker (to check). */
import { HANDLE } from './urls';

const SHOWN_HANDLE = new RegExp(`@(${HANDLE})`);

/** True when the title names the handle ("Kiko Beats (@Kikobeats) / X"), which X sets once the profile has loaded. */
export function titleNames(title: string | undefined, handle: string): boolean {
  return (title ?? '').toLowerCase().includes(`(@${handle.toLowerCase()})`);
}

/** The `@handle` in the profile header's text (`[data-testid="UserName"]`), if it has rendered. */
export function handleIn(headerText: string | undefined): string | undefined {
  return SHOWN_HANDLE.exec(headerText ?? '')?.[1];
}
