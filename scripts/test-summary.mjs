// Prints what CI reads, summed over the Vitest and Playwright JSON reports (the end-to-end suite and
// the contract run against MX's spec, .reports/contract.json), the production smoke test's and the
// Firefox/WebKit engine runs' (.reports/engines.json). The last line is
//   tests: N passed, M failed[, K skipped]
// and the line before it counts the flaky end-to-end tests (passed only on retry) and names the
// three slowest, so a suite drifting towards its timeouts shows up before it fails.
import { existsSync, readFileSync } from 'node:fs';

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('.reports/vitest.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // a suite that failed to load counts as a failure even with no test inside it
  failed += (unit.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length;
}

// the production smoke test (scripts/smoke-prod.mjs)
const smoke = read('.reports/smoke-prod.json');
if (smoke) {
  passed += smoke.passed ?? 0;
  failed += smoke.failed ?? 0;
  // docker build, where no container engine answers (the output names it)
  skipped += smoke.skipped ?? 0;
}

/** Every Playwright test with the duration of its first attempt and whether it needed a retry. */
function e2eTests(report) {
  const out = [];
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const first = test.results?.[0];
        out.push({
          title: [...titles, spec.title].filter(Boolean).join(' › '),
          file: spec.file,
          durationMs: first?.duration ?? 0,
          flaky: test.status === 'flaky',
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.file === child.title ? '' : child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return out;
}

/** Adds a Playwright report's counts (a test that passed on retry counts as passed). */
function addPlaywright(stats) {
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  skipped += stats.skipped ?? 0;
}

const e2e = read('.reports/playwright.json');
if (e2e?.stats) {
  addPlaywright(e2e.stats);
  const tests = e2eTests(e2e);
  const slowest = [...tests]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, 3)
    .map((t) => `${t.file} › ${t.title} (${(t.durationMs / 1000).toFixed(1)} s)`);
  console.info(`e2e: ${e2e.stats.flaky ?? 0} flaky; slowest: ${slowest.join('; ')}`);
}
const contract = read('.reports/contract.json');
if (contract?.stats) {
  addPlaywright(contract.stats);
  console.info(`contract: ${contract.stats.expected ?? 0} passed, ${contract.stats.unexpected ?? 0} failed`);
}
// the main flows in Firefox and WebKit (e2e/engines/run.ts)
const engines = read('.reports/engines.json');
if (engines) {
  passed += engines.passed ?? 0;
  failed += engines.failed ?? 0;
  skipped += engines.skipped ?? 0;
  const failures = (engines.tests ?? []).filter((t) => t.status === 'failed').map((t) => `${t.engine} › ${t.title}`);
  console.info(
    `engines: ${engines.passed ?? 0} passed, ${engines.failed ?? 0} failed in ${((engines.durationMs ?? 0) / 1000).toFixed(0)} s${failures.length ? `; failed: ${failures.join('; ')}` : ''}`,
  );
}
console.info(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
