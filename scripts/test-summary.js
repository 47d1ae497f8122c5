#!/usr/bin/env node
// Prints the suite's closing line, "N passed, N failed", summed over Jest's
// --json report and Playwright's JSON reporter. A runner whose report is
// missing, or a failed step (type check, lint), counts as a failure, so the
// line never claims a green run that did not happen. Exit code 1 on failure.
// Usage: test-summary.js <jest.json> <playwright.json> [failed step names...]
const fs = require('fs');

const [jestFile, playwrightFile, ...failedSteps] = process.argv.slice(2);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
const problems = [];

const jest = readJson(jestFile);
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  // suites that failed to run (syntax error, crash) have no failed tests
  failed += jest.numRuntimeErrorTestSuites ?? 0;
} else {
  problems.push(`no Jest report at ${jestFile}`);
}

const playwright = readJson(playwrightFile);
if (playwright?.stats) {
  // flaky = failed first, passed on retry
  passed += playwright.stats.expected + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected;
} else {
  problems.push(`no Playwright report at ${playwrightFile}`);
}

const steps = failedSteps.filter(Boolean);
if (steps.length) {
  problems.push(`failed steps: ${steps.join(', ')}`);
}
for (const problem of problems) {
  console.log(`[summary] ${problem}`);
}
const ok = failed === 0 && problems.length === 0;
if (!ok && failed === 0) {
  failed = 1; // a step or report is missing: never report a clean run
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok ? 0 : 1);
