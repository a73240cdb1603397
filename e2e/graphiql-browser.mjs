// Drives Chargebase's GraphiQL (/graphiql) in headless Chromium, as a person at a firewalled laptop would: the page and
// its scripts must come from the application alone, the documentation explorer must show the schema, autocompletion
// must offer a field, and a query with a bearer header must run; afterwards no bearer token may be left in the
// browser's storage. Prints one JSON report; exits non-zero (with a screenshot path) when a step fails.
// Usage: node graphiql-browser.mjs <base url> <bearer token> <chromium path> [screenshot file]
import { chromium } from 'playwright-core';

const [base, token, executablePath, screenshot = '/tmp/graphiql-failure.png'] = process.argv.slice(2);
if (!base || !token || !executablePath) {
  console.error('usage: node graphiql-browser.mjs <base url> <bearer token> <chromium path> [screenshot file]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const report = { foreignRequests: [], steps: [] };
const page = await browser.newPage();
page.on('request', (request) => {
  const url = request.url();
  if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) {
    report.foreignRequests.push(url);
  }
});
page.on('pageerror', (error) => report.steps.push({ pageError: String(error) }));
page.setDefaultTimeout(20000);

const editor = (selector) => page.locator(selector).first();
async function setCode(selector, text) {
  await page.waitForSelector(selector);
  await page.evaluate(([s, t]) => document.querySelector(s).CodeMirror.setValue(t), [selector, text]);
}

try {
  await page.goto(`${base}/graphiql`);
  await page.waitForSelector('.graphiql-container');
  report.steps.push({ loaded: true });

  // the bearer token goes into the headers editor, then the schema is fetched again with it
  await page.getByRole('button', { name: 'Headers' }).click();
  await setCode('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
    JSON.stringify({ Authorization: `Bearer ${token}` }));
  await page.locator('button[aria-label="Re-fetch GraphQL schema"]').click();

  // documentation explorer: search for a type of the schema and open it
  await page.locator('button[aria-label$="Documentation Explorer"]').click();
  const search = page.locator('.graphiql-doc-explorer-search input');
  await search.waitFor();
  await search.fill('ChargePoint');
  const option = page.getByRole('option', { name: /^ChargePoint$/ }).first();
  await option.waitFor();
  await option.click();
  await page.locator('.graphiql-doc-explorer-title', { hasText: 'ChargePoint' }).waitFor();
  report.steps.push({ docsExplorer: 'ChargePoint' });

  // autocompletion in the query editor
  await setCode('.graphiql-query-editor .CodeMirror', '');
  await editor('.graphiql-query-editor .CodeMirror').click();
  await page.keyboard.type('{ me { ro', { delay: 60 });
  const hint = page.locator('.CodeMirror-hints .CodeMirror-hint', { hasText: 'roles' }).first();
  await hint.waitFor();
  report.steps.push({ autocompletion: await hint.textContent() });
  await page.keyboard.press('Escape');

  // a query with the bearer header runs and shows its data
  await setCode('.graphiql-query-editor .CodeMirror', '{ me { roles tenant { name } } }');
  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.result-window');
  await result.filter({ hasText: 'TENANT_ADMIN' }).waitFor();
  report.steps.push({ result: (await result.textContent()).replace(/\s+/g, ' ').slice(0, 300) });

  const stored = await page.evaluate(() => ({ ...window.localStorage, ...window.sessionStorage }));
  report.storedKeys = Object.keys(stored);
  report.keysHoldingToken = Object.keys(stored).filter((key) => String(stored[key]).includes(token));
  report.tokenStored = report.keysHoldingToken.length > 0;
  report.ok = true;
} catch (error) {
  report.ok = false;
  report.error = String(error);
  report.screenshot = screenshot;
  await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
console.log(JSON.stringify(report, null, 2));
process.exit(report.ok ? 0 : 1);
