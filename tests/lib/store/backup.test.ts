import { afterEach, describe, expect, it, vi } from 'vitest';
import { DAY, T0, campaign, freshDb, reading, withStoredAssessment } from './helpers';
import { seedRecords } from './seed-rows';
import { DEFAULT_SETTINGS, type AssessSettings } from '../../../lib/assess/settings';
import {
  BACKUP_FORMAT,
  BACKUP_LIMITS,
  applyImport,
  exportBackup,
  importBackup,
  parseBackup,
  previewImport,
  type Backup,
} from '../../../lib/store/backup';
import {
  getActiveCampaignId,
  getCampaign,
  getCreator,
  history,
  putCampaign,
  recordVisit,
  saveCreator,
  setActiveCampaignId,
  updateEntry,
} from '../../../lib/store/repo';
import type { ScoutDb } from '../../../lib/store/db';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Assessment settings the marketer changed: they are kept with the reading they assessed. */
const CUSTOM_SETTINGS: AssessSettings = {
  ...DEFAULT_SETTINGS,
  tiers: { nano: 500, micro: 5_000, mid: 50_000, macro: 250_000, mega: 2_000_000 },
  pricePer1000Followers: { ...DEFAULT_SETTINGS.pricePer1000Followers, x: 2.5 },
};

/**
 * Two campaigns, three creators with history, edited entries and an active campaign. Ana's latest visit keeps its
 * reading and settings, as visits are saved now; illojuan's is a record saved before, with its whole assessment.
 */
async function seeded(): Promise<ScoutDb> {
  const { db } = await freshDb();
  await putCampaign(db, campaign('c1', { name: 'Primavera 春', keywords: ['viajes'], budgetPerPost: 500 }));
  await putCampaign(db, campaign('c2', { weights: { niche: 30, engagement: 20 } }));
  await setActiveCampaignId(db, 'c1');
  await saveCreator(db, {
    reading: reading('ana', 10_000, { displayName: 'Ana "la viajera", Peña', bio: 'Línea 1\nLínea 2 東京' }),
    settings: DEFAULT_SETTINGS,
    summary: { followers: { value: 10_000, exact: true }, engagementRate: 0.031, tier: 'micro', fitScore: 71.5 },
    campaignId: 'c1',
    now: T0,
  });
  await saveCreator(db, { reading: reading('ana', 10_000), summary: {}, campaignId: 'c2', now: T0 + 1 });
  await recordVisit(
    db,
    reading('ana', 10_300),
    CUSTOM_SETTINGS,
    { followers: { value: 10_300, exact: true } },
    T0 + 3 * DAY,
  );
  await saveCreator(db, {
    reading: reading('illojuan', 5_000_000, { platform: 'tiktok', url: 'https://www.tiktok.com/@illojuan' }),
    summary: { priceMin: 1000, priceMax: 4000 },
    campaignId: 'c2',
    now: T0 + 2,
  });
  await withStoredAssessment(db, 'tiktok:illojuan', {
    score: 72,
    criteria: [{ id: 'niche', points: 20 }],
    note: null,
  });
  await saveCreator(db, { reading: reading('bea', undefined), summary: {}, campaignId: 'c1', now: T0 + 3 });
  await updateEntry(
    db,
    'c1|instagram:ana',
    { status: 'negotiating', notes: '=1+1\n"quoted"', tags: ['VIP', '旅'] },
    T0 + DAY,
  );
  return db;
}

const withoutTimestamp = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":""');

async function dump(db: ScoutDb): Promise<string> {
  return withoutTimestamp(await exportBackup(db, 0));
}

function parsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.problem);
  return result.backup;
}

describe('exportBackup', () => {
  it('writes a versioned file with every store, records sorted and one per line', async () => {
    const db = await seeded();
    const text = await exportBackup(db, Date.UTC(2025, 0, 31, 12));
    expect(text.startsWith(`{"format":"${BACKUP_FORMAT}","version":2,"exportedAt":"2025-01-31T12:00:00.000Z",\n`)).toBe(
      true,
    );
    const data = JSON.parse(text) as Record<string, unknown[]>;
    expect(data.campaigns?.map((c) => (c as { id: string }).id)).toEqual(['c1', 'c2']);
    expect(data.creators?.map((c) => (c as { key: string }).key)).toEqual([
      'instagram:ana',
      'instagram:bea',
      'tiktok:illojuan',
    ]);
    expect(data.entries).toHaveLength(4);
    // One history per creator, its visits oldest first; only the latest keeps its reading.
    const histories = data.histories as { creatorKey: string; visits: { at: number; reading?: unknown }[] }[];
    expect(histories.map((h) => [h.creatorKey, h.visits.map((v) => [v.at, !!v.reading])])).toEqual([
      [
        'instagram:ana',
        [
          [T0 + 1, false],
          [T0 + 3 * DAY, true],
        ],
      ],
      ['instagram:bea', [[T0 + 3, true]]],
      ['tiktok:illojuan', [[T0 + 2, true]]],
    ]);
    expect('snapshots' in data).toBe(false);
    expect(data.meta).toEqual({ activeCampaignId: 'c1' });
    // Every record on its own line, with its keys sorted.
    const creatorLine = text.split('\n').find((line) => line.includes('"key":"instagram:bea"'));
    expect(creatorLine?.indexOf('"displayName"')).toBeLessThan(creatorLine?.indexOf('"firstSeen"') ?? -1);
  });

  it('is the same file after export → import → export, whichever way it is imported', async () => {
    const db = await seeded();
    const first = await exportBackup(db, 1);
    for (const mode of ['replace', 'merge'] as const) {
      const { db: other } = await freshDb();
      const result = await importBackup(other, first, mode);
      expect(result.ok).toBe(true);
      expect(await exportBackup(other, 1)).toBe(first);
    }
    // Importing onto itself changes nothing either.
    expect((await importBackup(db, first, 'replace')).ok).toBe(true);
    expect(await exportBackup(db, 1)).toBe(first);
    expect(await previewImport(db, parsed(first), 'merge')).toMatchObject({
      creators: { added: 0, updated: 0, removed: 0, unchanged: 3 },
      visits: { added: 0, updated: 0, removed: 0, unchanged: 4 },
    });
  });

  it('keeps what the store holds exactly: settings, older assessments, readings, visits, notes, tags, weights', async () => {
    const db = await seeded();
    const { db: other } = await freshDb();
    await importBackup(other, await exportBackup(db, 0), 'replace');
    expect(await getCreator(other, 'instagram:ana')).toEqual(await getCreator(db, 'instagram:ana'));
    expect(await history(other, 'instagram:ana')).toEqual(await history(db, 'instagram:ana'));
    expect(await history(other, 'tiktok:illojuan')).toEqual(await history(db, 'tiktok:illojuan'));
    // A visit saved now keeps the settings and no assessment; one saved before keeps its assessment, and no settings.
    const ana = (await history(other, 'instagram:ana')).at(-1);
    expect(ana?.settings).toEqual(CUSTOM_SETTINGS);
    expect(ana).not.toHaveProperty('assessment');
    const illojuan = (await history(other, 'tiktok:illojuan')).at(-1);
    expect(illojuan?.assessment).toEqual({ score: 72, criteria: [{ id: 'niche', points: 20 }], note: null });
    expect(illojuan).not.toHaveProperty('settings');
    expect(await other.get('entries', 'c1|instagram:ana')).toEqual(await db.get('entries', 'c1|instagram:ana'));
    expect(await getCampaign(other, 'c2')).toEqual(await getCampaign(db, 'c2'));
    expect(await getActiveCampaignId(other)).toBe('c1');
  });
});

describe('previewImport and applyImport', () => {
  /** A backup that differs from seeded(): c1 renamed later, c3 new, ana seen earlier, zed new, bea gone. */
  async function otherBackup(): Promise<string> {
    const { db } = await freshDb();
    await putCampaign(db, campaign('c1', { name: 'Renamed', updatedAt: T0 + 10 * DAY }));
    await putCampaign(db, campaign('c3'));
    await setActiveCampaignId(db, 'c3');
    await saveCreator(db, {
      reading: reading('ana', 9_000),
      summary: { tier: 'old' },
      campaignId: 'c1',
      now: T0 - DAY,
    });
    await saveCreator(db, { reading: reading('zed', 42), summary: {}, campaignId: 'c3', now: T0 });
    return exportBackup(db, 0);
  }

  it('previews merge and replace without writing', async () => {
    const db = await seeded();
    const before = await dump(db);
    const backup = parsed(await otherBackup());
    expect(await previewImport(db, backup, 'merge')).toEqual({
      mode: 'merge',
      campaigns: { added: 1, updated: 1, removed: 0, unchanged: 0 },
      // ana: this browser's record is newer, but the file's earlier first sighting is kept.
      creators: { added: 1, updated: 1, removed: 0, unchanged: 0 },
      entries: { added: 1, updated: 0, removed: 0, unchanged: 1 },
      visits: { added: 2, updated: 0, removed: 0, unchanged: 0 },
      meta: { added: 0, updated: 0, removed: 0, unchanged: 1 },
    });
    expect(await previewImport(db, backup, 'replace')).toEqual({
      mode: 'replace',
      campaigns: { added: 1, updated: 1, removed: 1, unchanged: 0 },
      creators: { added: 1, updated: 1, removed: 2, unchanged: 0 },
      entries: { added: 1, updated: 1, removed: 3, unchanged: 0 },
      visits: { added: 2, updated: 0, removed: 4, unchanged: 0 },
      meta: { added: 0, updated: 1, removed: 0, unchanged: 0 },
    });
    expect(await dump(db)).toBe(before);
  });

  it('merges: adds what is new, newer records win, nothing is removed', async () => {
    const db = await seeded();
    const result = await applyImport(db, parsed(await otherBackup()), 'merge');
    expect(result.campaigns).toEqual({ added: 1, updated: 1, removed: 0, unchanged: 0 });
    expect((await getCampaign(db, 'c1'))?.name).toBe('Renamed');
    expect(await getCampaign(db, 'c2')).toBeDefined();
    const ana = await getCreator(db, 'instagram:ana');
    expect(ana?.firstSeen).toBe(T0 - DAY);
    expect(ana?.lastSeen).toBe(T0 + 3 * DAY);
    expect(ana?.summary.followers?.value).toBe(10_300);
    // Saving to c2 a moment after c1 was the same visit, so this browser holds T0 + 1 and T0 + 3 days.
    expect((await history(db, 'instagram:ana')).map((s) => s.at)).toEqual([T0 - DAY, T0 + 1, T0 + 3 * DAY]);
    // The entry edited here (negotiating) is newer than the file's prospect entry.
    expect((await db.get('entries', 'c1|instagram:ana'))?.status).toBe('negotiating');
    expect(await getCreator(db, 'instagram:zed')).toBeDefined();
    expect(await getCreator(db, 'instagram:bea')).toBeDefined();
    expect(await getActiveCampaignId(db)).toBe('c1');
    // Merging the same file again changes nothing.
    const again = await applyImport(db, parsed(await otherBackup()), 'merge');
    for (const store of ['campaigns', 'creators', 'entries', 'visits', 'meta'] as const) {
      expect(again[store]).toMatchObject({ added: 0, updated: 0, removed: 0 });
    }
  });

  it('tells how far the write is, about a hundred times, ending with every record written', async () => {
    const { db: source } = await freshDb();
    await seedRecords(
      source,
      Array.from({ length: 250 }, (_, i) => ({ handle: `c${i}`, seen: i, campaigns: i % 2 ? ['a'] : ['a', 'b'] })),
    );
    const backup = parsed(await exportBackup(source, T0));
    const { db } = await freshDb();
    const heard: [number, number][] = [];
    const result = await applyImport(db, backup, 'merge', (written, total) => heard.push([written, total]));
    // Every record the file adds: creators, their entries, the campaigns (no visits: the seeded creators have none).
    const total = result.creators.added + result.entries.added + result.campaigns.added + result.meta.added;
    expect(total).toBe(250 + 375 + 3);
    expect(heard.at(-1)).toEqual([total, total]);
    expect(heard.length).toBeGreaterThanOrEqual(50);
    expect(heard.length).toBeLessThanOrEqual(101);
    for (let i = 1; i < heard.length; i++) expect(heard[i]![0]).toBeGreaterThan(heard[i - 1]![0]);
    expect(heard.every(([, t]) => t === total)).toBe(true);
    expect(await db.count('entries')).toBe(375);
  });

  it('replaces: afterwards the store holds exactly the file', async () => {
    const db = await seeded();
    const text = await otherBackup();
    await applyImport(db, parsed(text), 'replace');
    expect(await exportBackup(db, 0)).toBe(text);
    expect(await getCreator(db, 'instagram:bea')).toBeUndefined();
    expect(await getActiveCampaignId(db)).toBe('c3');
  });

  it('changes nothing when a write fails half-way, and says so', async () => {
    const text = await otherBackup();
    const db = await seeded();
    const before = await dump(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    // The fifth write fails: four records are already written in the transaction when it does.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 5) throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    });
    const failed = await importBackup(db, text, 'replace');
    vi.restoreAllMocks();
    expect(calls).toBe(5);
    expect(failed).toEqual({ ok: false, code: 'write-failed', problem: expect.stringMatching(/nothing was changed/) });
    expect(await dump(db)).toBe(before);
    // The same file imports once the failure is gone.
    expect((await importBackup(db, text, 'replace')).ok).toBe(true);
    expect(await dump(db)).toBe(withoutTimestamp(text));
  });

  it('reports a full disk as storage-full and changes nothing', async () => {
    const db = await seeded();
    const before = await dump(db);
    const text = await (async () => {
      const { db: other } = await freshDb();
      await putCampaign(other, campaign('big'));
      return exportBackup(other, 0);
    })();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const result = await importBackup(db, text, 'merge');
    vi.restoreAllMocks();
    expect(result).toEqual({ ok: false, code: 'storage-full', problem: expect.stringMatching(/no room left/) });
    expect(await dump(db)).toBe(before);
  });

  it('reports storage-full when the disk fills after some writes landed, with others still queued', async () => {
    const text = await exportBackup(await seeded(), 0);
    const { db } = await freshDb();
    await putCampaign(db, campaign('mine'));
    const before = await dump(db);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      // As a browser does when the disk fills: this write succeeds, then the transaction aborts with a
      // QuotaExceededError, and the writes queued after it fail with AbortError. fake-indexeddb can only abort
      // with a chosen error through its internal _abort (if that goes, this test fails rather than passes).
      if (++calls === 3) {
        const tx = this.transaction as IDBTransaction & { _abort?: (name: string) => void };
        request.addEventListener('success', () => tx._abort?.('QuotaExceededError'));
      }
      return request;
    });
    const result = await importBackup(db, text, 'replace');
    vi.restoreAllMocks();
    expect(calls).toBeGreaterThan(3);
    expect(result).toEqual({ ok: false, code: 'storage-full', problem: expect.stringMatching(/no room left/) });
    expect(await dump(db)).toBe(before);
  });
});

describe('parseBackup refuses bad files with a message naming the problem', () => {
  async function validText(): Promise<string> {
    return exportBackup(await seeded(), 0);
  }
  // The edits reach into arbitrary paths of parsed JSON, which is what `any` is for.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>;
  const edit = (text: string, change: (data: Loose) => void): string => {
    const data = JSON.parse(text) as Loose;
    change(data);
    return JSON.stringify(data);
  };

  it('names each kind of problem', async () => {
    const text = await validText();
    const cases: [string, string, RegExp][] = [
      ['', 'empty', /empty/],
      ['   \n', 'empty', /empty/],
      [text.slice(0, Math.floor(text.length / 2)), 'truncated', /cut off/],
      [text.slice(0, -3), 'truncated', /cut off/],
      ['platform,handle\ninstagram,ana', 'not-json', /not valid JSON/],
      ['{"format": "creator-scout-backup", oops}', 'not-json', /not valid JSON/],
      ['[1,2,3]', 'not-backup', /not a Creator Scout backup/],
      ['{"format":"other-app","version":1}', 'not-backup', /"other-app"/],
      [edit(text, (d) => (d.version = 3)), 'newer-version', /newer version.*format 3.*up to 2/],
      [edit(text, (d) => (d.version = '1')), 'bad-version', /"version" is "1"/],
      [edit(text, (d) => (d.version = 0.5)), 'bad-version', /version/],
      [edit(text, (d) => (d.exportedAt = 'yesterday')), 'invalid-record', /exportedAt/],
      [edit(text, (d) => delete d.creators), 'invalid-record', /"creators" is missing, not a list/],
      [edit(text, (d) => (d.meta = [])), 'invalid-record', /"meta" is a list/],
      [
        edit(text, (d) => (d.creators[1].summary = { followers: { value: '12', exact: true } })),
        'invalid-record',
        /creators record 2 \("instagram:bea"\) is invalid: summary\.followers\.value: .*number/,
      ],
      [
        edit(text, (d) => (d.creators[0].displayName = 'x'.repeat(1_000_000))),
        'invalid-record',
        /creators record 1 .*displayName/,
      ],
      [edit(text, (d) => (d.creators[0].key = 'instagram:someone-else')), 'invalid-record', /key must be/],
      [edit(text, (d) => (d.entries[0].status = 'won')), 'invalid-record', /entries record 1 .*status/],
      [edit(text, (d) => (d.entries[0].tags = [' a', 'A'])), 'invalid-record', /tags/],
      [
        edit(text, (d) => (d.histories[0].visits[1].reading.followers.value = -1)),
        'invalid-record',
        /histories record 1 \("instagram:ana"\) is invalid: visits\.1\.reading\.followers/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits[1].assessment = JSON.parse('['.repeat(40) + ']'.repeat(40)))),
        'invalid-record',
        /visits\.1\.assessment: must be plain JSON/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits[1].settings.tiers.micro = 1)),
        'invalid-record',
        /histories record 1 \("instagram:ana"\) is invalid: visits\.1\.settings\.tiers: tier thresholds must increase/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits[1].settings.version = 2)),
        'invalid-record',
        /visits\.1\.settings\.version/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits[0].settings = d.histories[0].visits[1].settings)),
        'invalid-record',
        /the latest visit, and only it, keeps its reading, settings and assessment/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits[0].followers = { status: 'known', value: 1.5, exact: true })),
        'invalid-record',
        /visits\.0\.followers\.value/,
      ],
      [edit(text, (d) => d.histories[0].visits.reverse()), 'invalid-record', /visits must be oldest first/],
      [
        edit(text, (d) => (d.histories[0].visits[0].reading = d.histories[0].visits[1].reading)),
        'invalid-record',
        /the latest visit, and only it, keeps its reading/,
      ],
      [
        edit(text, (d) => delete d.histories[0].visits[1].reading),
        'invalid-record',
        /the latest visit, and only it, keeps its reading/,
      ],
      [edit(text, (d) => (d.histories[0].visits = [])), 'invalid-record', /visits/],
      [
        edit(text, (d) => (d.histories[1].creatorKey = 'instagram:ana')),
        'invalid-record',
        /histories record 2 .*creatorKey must match/,
      ],
      [
        edit(text, (d) => (d.histories[0].visits = Array.from({ length: BACKUP_LIMITS.visits + 1 }, () => ({})))),
        'too-many',
        /has 100000\d visits; at most 1000000 can be imported/,
      ],
      [
        edit(text, (d) => d.creators.push(d.creators[0])),
        'duplicate',
        /creators record 4 repeats the key "instagram:ana" of record 1/,
      ],
      [
        edit(text, (d) => d.histories.push(d.histories[0])),
        'duplicate',
        /histories record 4 repeats the creator "instagram:ana" of record 1/,
      ],
      [
        edit(text, (d) => (d.creators = d.creators.filter((c: Loose) => c.key !== 'tiktok:illojuan'))),
        'broken-reference',
        /creator "tiktok:illojuan"/,
      ],
      [edit(text, (d) => d.creators.splice(1, 1)), 'broken-reference', /creator "instagram:bea"/],
      [edit(text, (d) => (d.campaigns = d.campaigns.slice(1))), 'broken-reference', /campaign "c1"/],
      [edit(text, (d) => (d.meta.activeCampaignId = 'c9')), 'broken-reference', /active campaign "c9"/],
      [
        edit(text, (d) => (d.campaigns = Array.from({ length: BACKUP_LIMITS.campaigns + 1 }, () => ({})))),
        'too-many',
        /at most 10000/,
      ],
    ];
    for (const [input, code, message] of cases) {
      const result = parseBackup(input);
      expect(result.ok, `${code}: ${input.slice(0, 60)}`).toBe(false);
      if (result.ok) continue;
      expect([result.code, result.problem]).toEqual([code, expect.stringMatching(message)]);
    }
  });

  it('refuses "__proto__" keys anywhere, without polluting prototypes', async () => {
    const text = await validText();
    const hostile = [
      text.replace('{"format"', '{"__proto__":{"polluted":true},"format"'),
      text.replace('"summary":{', '"summary":{"__proto__":{"polluted":true},'),
      text.replace('"score":72', '"score":72,"__proto__":{"polluted":true}'),
      text.replace('"weights":{', '"weights":{"__proto__":{"polluted":true},'),
    ];
    // The same key spelled with escapes, which JSON.parse turns into "__proto__".
    hostile.push(text.replace('"summary":{', '"summary":{"\\u005f_\\u0070roto__":{"polluted":true},'));
    for (const input of hostile) {
      expect(input).not.toBe(text);
      const result = parseBackup(input);
      expect(result).toEqual({ ok: false, code: 'hostile', problem: expect.stringMatching(/__proto__/) });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts "__proto__" as text, and checks keys of absurdly nested JSON without overflowing', async () => {
    const text = await validText();
    const asNotes = text.replace('"notes":"=1+1', '"notes":"__proto__ \\u00e9 =1+1');
    expect(asNotes).not.toBe(text);
    const result = parseBackup(asNotes);
    expect(result.ok && result.backup.entries.find((e) => e.key === 'c1|instagram:ana')?.notes).toMatch(
      /^__proto__ é =1\+1/,
    );
    // An escape sends the file through the key check; 200,000 levels of nesting must not overflow it.
    const deep = text.replace('"meta":{', `"extra":${'['.repeat(200_000)}"\\u0041"${']'.repeat(200_000)},"meta":{`);
    expect(parseBackup(deep).ok).toBe(true);
  });

  it('refuses a file over the size cap before reading it', () => {
    const result = parseBackup('x'.repeat(BACKUP_LIMITS.maxChars + 1));
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('refuses absurd nesting without crashing', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(parseBackup(deep).ok).toBe(false);
  });

  it('accepts a byte order mark and ignores unknown fields', async () => {
    const text = await validText();
    const withExtra = edit(text, (d) => (d.creators[0].surprise = 'ignored'));
    expect(parseBackup(`\uFEFF${text}`).ok).toBe(true);
    const result = parseBackup(withExtra);
    expect(result.ok && (result.backup.creators[0] as Record<string, unknown>).surprise).toBe(undefined);
  });

  it('leaves the store unchanged for every refused file', async () => {
    const db = await seeded();
    const before = await dump(db);
    const text = await exportBackup(db, 0);
    for (const input of [
      text.slice(0, 100),
      '{}',
      edit(text, (d) => (d.version = 99)),
      text.replace('"score":72', '"__proto__":1'),
    ]) {
      for (const mode of ['merge', 'replace'] as const) {
        const result = await importBackup(db, input, mode);
        expect(result.ok).toBe(false);
        expect(await dump(db)).toBe(before);
      }
    }
  });
});
