/**
 * What the background knows about each tab — the latest reading and its assessment — kept in `storage.session`
 * so that it survives the MV3 worker being stopped and is forgotten when the browser closes, and in the worker's
 * memory while it runs, so that a popup is answered without reading and checking the stored state again. The
 * storage area is passed in, so this is tested with a plain fake.
 */
import { ASSESSMENT_VERSION, type Assessment, type PostAssessment } from '../assess';
import { validateReading, type Reading } from '../reading';

/** The subset of `browser.storage.StorageArea` used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
  /** Changes to the area from any context, including `clear()` (where the browser has it for this area). */
  onChanged?: { addListener(listener: (changes: Record<string, { newValue?: unknown }>) => void): void };
}

export interface TabState {
  reading: Reading;
  /** For a profile reading. */
  assessment?: Assessment;
  /** For a post page reading. */
  postAssessment?: PostAssessment;
}

const keyFor = (tabId: number) => `tab:${tabId}`;

/**
 * The tabs' states. Only the worker writes them, so what it wrote or has read and checked since it started is kept in
 * memory and answers later reads. Storage remains the record — a worker stopped and started again begins with an
 * empty memory and reads it — and a state removed from storage by anyone (`clear()` included) is forgotten here too.
 * States are shared, not copied: nothing changes one once it is set.
 */
export function tabStates(area: KeyValueArea) {
  const known = new Map<number, Promise<TabState | undefined>>();
  /** Keeps `pending` as the tab's state (forgotten if it fails, unless another one replaced it meanwhile). */
  const remember = (tabId: number, pending: Promise<TabState | undefined>) => {
    known.set(tabId, pending);
    pending.catch(() => {
      if (known.get(tabId) === pending) known.delete(tabId);
    });
    return pending;
  };
  area.onChanged?.addListener((changes) => {
    for (const [key, change] of Object.entries(changes)) {
      const tabId = tabIdOf(key);
      if (tabId !== undefined && change.newValue === undefined) known.delete(tabId);
    }
  });

  /**
   * The stored state, re-validated: storage written by an older version may not match today's schema. An
   * assessment of another version is dropped (the caller recomputes it from the reading).
   */
  async function read(tabId: number): Promise<TabState | undefined> {
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
  }

  return {
    /** Stores the state. Reads from the moment it is called give it once it is written (storage's if that fails). */
    async set(tabId: number, state: TabState): Promise<void> {
      const written = area.set({ [keyFor(tabId)]: state });
      remember(
        tabId,
        written.then(
          () => state,
          () => read(tabId),
        ),
      );
      await written;
    },
    /** The tab's state: from memory when this worker wrote or read it, else from storage (then kept). */
    get(tabId: number): Promise<TabState | undefined> {
      return known.get(tabId) ?? remember(tabId, read(tabId));
    },
    async remove(tabId: number): Promise<void> {
      known.delete(tabId);
      await area.remove(keyFor(tabId));
    },
  };
}

function tabIdOf(key: string): number | undefined {
  const match = /^tab:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}
