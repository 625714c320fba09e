/**
 * Components whose code is fetched the first time they are needed. A page's first paint waits for every module it
 * imports to be fetched, compiled and run; what only appears after a click (a side panel, the import form) need not
 * be among them. `preload()` fetches the code ahead of that click, once the page has shown what it opened for.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type LazyComponent<P> = ComponentType<P> & {
  /** Fetches the component's code now (once); a failure is reported when the component is drawn. */
  preload(): void;
};

export function lazyComponent<P extends object>(what: string, load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchCode = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Tried again the next time it is needed (an extension update may have replaced the file meanwhile).
        loading = undefined;
        throw error;
      },
    ));

  function Lazy(props: P) {
    const [, setLoaded] = useState(false);
    const [problem, setProblem] = useState<string>();
    useEffect(() => {
      if (loaded) return;
      let current = true;
      fetchCode().then(
        () => current && setLoaded(true),
        (error: unknown) => current && setProblem(error instanceof Error ? error.message : String(error)),
      );
      return () => {
        current = false;
      };
    }, []);
    if (loaded) {
      const Component = loaded;
      return <Component {...props} />;
    }
    if (problem) {
      return (
        <p role="alert" class="error-text">
          The {what} could not be loaded ({problem}). Reload the page to try again.
        </p>
      );
    }
    return <p aria-busy="true">Loading the {what}…</p>;
  }
  return Object.assign(Lazy, { preload: () => void fetchCode().catch(() => undefined) });
}
