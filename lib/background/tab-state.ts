/**
 * What the background knows about each tab — the latest reading and its assessment — kept in `storage.session`
 * so that it survives the MV3 worker being stopped and is forgotten when the browser closes. The storage area is
 * passed in, so this is tested with a plain fake.
 */
import { ASSESSMENT_VERSION, type Assessment, type PostAssessment } from '../assess';
import { validateReading, type Reading } from '../reading';

/** The subset of `browser.storage.StorageArea` used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface TabState {
  reading: Reading;
  /** For a profile reading. */
  assessment?: Assessment;
  /** For a post page reading. */
  postAssessment?: PostAssessment;
}

const keyFor = (tabId: number) => `tab:${tabId}`;

export function tabStates(area: KeyValueArea) {
  return {
    async set(tabId: number, state: TabState): Promise<void> {
      await area.set({ [keyFor(tabId)]: state });
    },
    /**
     * The stored state, re-validated: storage written by an older version may not match today's schema. An
     * assessment of another version is dropped (the caller recomputes it from the reading).
     */
    async get(tabId: number): Promise<TabState | undefined> {
      const stored = (await area.get(keyFor(tabId)))[keyFor(tabId)] as Partial<TabState> | undefined;
      if (typeof stored !== 'object' || stored === null) return undefined;
      const result = validateReading(stored.reading);
      if (!result.ok) return undefined;
      const current = (a: { version?: unknown } | undefined) => a?.version === ASSESSMENT_VERSION;
      return {
        reading: result.reading,
        ...(current(stored.assessment) ? { assessment: stored.assessment } : {}),
        ...(stored.postAssessment ? { postAssessment: stored.postAssessment } : {}),
      };
    },
    async remove(tabId: number): Promise<void> {
      await area.remove(keyFor(tabId));
    },
  };
}
