import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPage } from '../../lib/inspect';
import { FIXTURES_DIR, loadDocument, MANIFEST } from '../helpers/fixtures';

describe('inspect: the reading and assessment of every saved page', () => {
  it.each(MANIFEST.map((e) => [e.file, e] as const))('%s', (_file, entry) => {
    const result = inspectPage(loadDocument(entry.file, entry.url), new URL(entry.url));
    expect(result?.reading.kind).toBe(entry.kind);
    if (entry.kind === 'profile') {
      // A profile always gets an assessment, with a tier when followers were read.
      expect(result?.assessment).toBeDefined();
      expect(result?.assessment?.tier.status).toBe('known');
    } else {
      expect(result?.postAssessment).toBeDefined();
    }
  });

  it('prints @illojuan as macro with 783,427 followers, from the command line', () => {
    const result = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/inspect.ts',
        path.join(FIXTURES_DIR, 'tiktok/profile-illojuan.html'),
        '--url',
        'https://www.tiktok.com/@illojuan',
      ],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      reading: { followers: { value: number } };
      assessment: { tier: { tier: string; label: string } };
    };
    expect(printed.reading.followers.value).toBe(783_427);
    expect(printed.assessment.tier).toMatchObject({ tier: 'macro', label: 'macro (500K–1M)' });
  }, 30_000);

  it('says so for a site it does not read', () => {
    const result = spawnSync('npx', ['tsx', 'scripts/inspect.ts', 'README.md', '--url', 'https://example.com/'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not a site Creator Scout reads');
  }, 30_000);
});
