import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Campaign } from '../../lib/campaign';
import { DEFAULT_SETTINGS, migrateSettings, type AssessSettings } from '../../lib/assess/settings';
import { ensureSampleCampaign } from '../../lib/campaigns/first-run';
import { formToCampaign, type CampaignForm } from '../../lib/campaigns/form';
import { formToSettings, type SettingsForm } from '../../lib/options/settings-form';
import {
  InvalidRecordError,
  RecordNotFoundError,
  StorageFullError,
  deleteCampaign,
  getActiveCampaignId,
  listCampaigns,
  openScoutDb,
  putCampaign,
  setActiveCampaignId,
  type ScoutDb,
} from '../../lib/store';
import { countEntries } from '../../lib/store/first-rows';
import type { CampaignSaveOutcome } from '../../components/options/CampaignEditor';
import type { Status } from '../../components/options/Field';
import { OptionsView, type CampaignsState } from '../../components/options/OptionsView';
import type { SettingsOutcome } from '../../components/options/SettingsEditor';
import '../../components/theme.css';
import '../../components/options/options.css';

let dbPromise: Promise<ScoutDb> | undefined;

/** Runs `fn` on the shortlist database, opening it again if a newer version in another page closed it. */
async function withDb<T>(fn: (db: ScoutDb) => Promise<T>): Promise<T> {
  const open = () =>
    (dbPromise = openScoutDb(indexedDB).catch((error: unknown) => {
      dbPromise = undefined;
      throw error;
    }));
  const db = await (dbPromise ?? open());
  try {
    return await fn(db);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'InvalidStateError') return fn(await open());
    throw error;
  }
}

/** Words for a failed store operation; a full disk gets the store's own advice. */
function problemText(error: unknown): string {
  if (error instanceof StorageFullError || error instanceof RecordNotFoundError) return error.userMessage;
  if (error instanceof InvalidRecordError) return `Not saved: ${error.problem}.`;
  return `Something went wrong: ${error instanceof Error ? error.message : String(error)}`;
}

async function loadCampaigns(): Promise<CampaignsState> {
  return withDb(async (db) => {
    const [list, activeId] = await Promise.all([listCampaigns(db), getActiveCampaignId(db)]);
    // Counted from the campaign index, not by reading every row: instant with 50,000 creators.
    const counts = await Promise.all(list.map((campaign) => countEntries(db, campaign.id)));
    const shortlisted = Object.fromEntries(list.map((campaign, i) => [campaign.id, counts[i]!]));
    return { list, activeId, shortlisted };
  });
}

async function loadSettings(): Promise<{ value: AssessSettings; problems: string[] }> {
  const { settings: stored } = await browser.storage.local.get('settings');
  const { settings, problems } = migrateSettings(stored);
  return { value: settings, problems };
}

function Options() {
  const [welcome, setWelcome] = useState(() => new URL(location.href).searchParams.get('welcome') === '1');
  const [campaigns, setCampaigns] = useState<CampaignsState>();
  const [settings, setSettings] = useState<{ value: AssessSettings; problems: string[] }>();
  const [loadError, setLoadError] = useState<string>();

  const addLoadError = (text: string) => setLoadError((previous) => (previous ? `${previous} ${text}` : text));
  const refresh = useCallback(async () => setCampaigns(await loadCampaigns()), []);

  useEffect(() => {
    void (async () => {
      // The background creates the sample on install; doing it here too covers an install whose worker was
      // stopped before it finished, and a person who deleted every campaign.
      await withDb((db) => ensureSampleCampaign(db, Date.now()));
      await refresh();
    })().catch((error: unknown) => {
      setCampaigns({ list: [], activeId: undefined, shortlisted: {} });
      addLoadError(`Your campaigns could not be loaded. ${problemText(error)}`);
    });
    loadSettings()
      .then(setSettings)
      .catch((error: unknown) => {
        setSettings({ value: structuredClone(DEFAULT_SETTINGS), problems: [] });
        addLoadError(`Your settings could not be loaded; the defaults are shown. ${problemText(error)}`);
      });
    // Campaigns can change in another tab (or the popup); show the current ones when the person comes back.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refresh().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  async function saveCampaign(
    form: CampaignForm,
    existing: Campaign | undefined,
    makeActive: boolean,
  ): Promise<CampaignSaveOutcome> {
    const result = formToCampaign(form, { existing, now: Date.now() });
    if (!result.ok) {
      const n = Object.keys(result.errors).length;
      return {
        ok: false,
        errors: result.errors,
        message: `Not saved: ${n === 1 ? 'one field needs' : `${n} fields need`} attention.`,
      };
    }
    try {
      const saved = await withDb(async (db) => {
        const record = await putCampaign(db, result.campaign);
        if (makeActive) await setActiveCampaignId(db, record.id);
        return record;
      });
      await refresh();
      return { ok: true, message: `Saved “${saved.name}”${makeActive ? '; it is now the active campaign' : ''}.` };
    } catch (error) {
      return { ok: false, message: problemText(error) };
    }
  }

  async function setActive(id: string): Promise<Status> {
    try {
      await withDb((db) => setActiveCampaignId(db, id));
      const name = campaigns?.list.find((campaign) => campaign.id === id)?.name ?? 'That campaign';
      await refresh();
      return { kind: 'ok', text: `“${name}” is now the active campaign.` };
    } catch (error) {
      await refresh().catch(() => undefined);
      return { kind: 'error', text: problemText(error) };
    }
  }

  async function removeCampaign(id: string): Promise<Status> {
    const name = campaigns?.list.find((campaign) => campaign.id === id)?.name ?? 'the campaign';
    try {
      const removed = await withDb((db) => deleteCampaign(db, id));
      await refresh();
      const entries = removed.entries === 0 ? '' : ` and its ${removed.entries} shortlist entries`;
      return { kind: 'ok', text: `Deleted “${name}”${entries}.` };
    } catch (error) {
      return { kind: 'error', text: problemText(error) };
    }
  }

  async function storeSettings(value: AssessSettings, message: string): Promise<SettingsOutcome> {
    try {
      await browser.storage.local.set({ settings: value });
      setSettings({ value, problems: [] });
      return { ok: true, message };
    } catch (error) {
      return { ok: false, message: `Settings not saved: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  async function saveSettings(form: SettingsForm): Promise<SettingsOutcome> {
    const result = formToSettings(form, settings?.value ?? DEFAULT_SETTINGS);
    if (!result.ok) {
      const n = Object.keys(result.errors).length;
      return {
        ok: false,
        errors: result.errors,
        message: `Not saved: ${n === 1 ? 'one field needs' : `${n} fields need`} attention.`,
      };
    }
    return storeSettings(result.settings, 'Settings saved. Profiles are assessed with them from the next reading.');
  }

  return (
    <OptionsView
      welcome={welcome}
      onDismissWelcome={() => {
        setWelcome(false);
        // Reloading the page should not bring the guide back.
        const url = new URL(location.href);
        url.searchParams.delete('welcome');
        history.replaceState(null, '', url);
      }}
      loadError={loadError}
      campaigns={campaigns}
      settings={settings}
      onSaveCampaign={saveCampaign}
      onSetActive={setActive}
      onDeleteCampaign={removeCampaign}
      onSaveSettings={saveSettings}
      onResetSettings={() => storeSettings(structuredClone(DEFAULT_SETTINGS), 'Defaults restored and saved.')}
    />
  );
}

render(<Options />, document.getElementById('app')!);
