// The whole test suite, as CI runs it: static checks, unit tests, both browser builds, Mozilla's linter and the
// end-to-end tests in Debian's Chromium and Firefox ESR. Ends with one line "N passed, N failed" counting tests and
// checks.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = { passed: 0, failed: 0 };
const failures = [];
fs.mkdirSync('test-results', { recursive: true });

function run(name, command, args, { countTests } = {}) {
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  if (countTests) {
    // Vitest's JSON report counts the tests; a run that crashed before writing it counts as one failure.
    const report = fs.existsSync(countTests) ? JSON.parse(fs.readFileSync(countTests, 'utf8')) : undefined;
    results.passed += report?.numPassedTests ?? 0;
    results.failed += report ? report.numFailedTests : 1;
    if (status !== 0 && report && report.numFailedTests === 0) results.failed += 1;
  } else if (status === 0) results.passed += 1;
  else results.failed += 1;
  if (status !== 0) failures.push(name);
  return status === 0;
}

/** Installs a Debian package the end-to-end tests need when its program is missing (as root; else says how). */
function ensureDebianPackage(name, program, why) {
  if (fs.existsSync(program)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`${why}: sudo apt-get install -y ${name}`);
    return false;
  }
  console.log(`Installing ${name} (${why})…`);
  return (
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' }).status === 0 &&
    spawnSync('apt-get', ['install', '-y', '-qq', name], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  );
}

for (const f of fs.readdirSync('test-results')) fs.rmSync(`test-results/${f}`, { force: true });
run('type check', 'npx', ['tsc', '--noEmit']);
run('lint', 'npx', ['eslint', '.']);
run('format', 'npx', ['prettier', '--check', '.']);
run(
  'unit tests',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json'],
  {
    countTests: 'test-results/unit.json',
  },
);
const built =
  run('build for Chrome (MV3)', 'npx', ['wxt', 'build']) &
  run('build for Firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (built) {
  run('zip for both stores', 'npm', ['run', 'zip', '--silent']);
  run("Mozilla's addons-linter (0 errors)", 'npx', ['addons-linter', '.output/firefox-mv2']);
  // Sizes are deterministic, so the content scripts' budget (8 KiB gzip each) is a test, unlike the bench's timings.
  run(
    'content-script size budget',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'bench/vitest.size.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/size.json',
    ],
    { countTests: 'test-results/size.json' },
  );
}
const browser = ensureDebianPackage('chromium', '/usr/bin/chromium', "Debian's Chromium runs the end-to-end tests");
if (!browser) {
  results.failed += 1;
  failures.push('install Chromium');
}
// Without it the Firefox test fails, saying so; the Chromium tests still run.
ensureDebianPackage('firefox-esr', '/usr/bin/firefox-esr', "Debian's Firefox ESR runs the Firefox build's test");
if (built && browser) {
  run(
    'end-to-end tests in Chromium and Firefox',
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'vitest.e2e.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile=test-results/e2e.json',
    ],
    {
      countTests: 'test-results/e2e.json',
    },
  );
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
