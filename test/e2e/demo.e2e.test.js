'use strict';
const { after, before, describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { startBackend, launchBrowser, openSignedIn, screenshot } = require('./harness');

describe('the demo in a real browser', () => {
  let backend;
  let browser;

  before(async () => {
    backend = await startBackend();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    backend?.stop();
  });

  it('lists the example services in the catalog', async () => {
    const page = await openSignedIn(browser, '/catalog');
    await page.getByRole('link', { name: 'checkout', exact: true }).waitFor({ timeout: 60_000 });
    const rows = await page.locator('table tbody tr').count();
    assert.ok(rows >= 10, `expected the example components in the catalog table, saw ${rows} rows`);
    await screenshot(page, 'catalog');
  });

  it("opens a service page and its Readiness tab", async () => {
    const page = await openSignedIn(browser, '/catalog/default/component/checkout');
    await page.getByRole('tab', { name: 'Readiness' }).click();
    await page.waitForURL(/\/catalog\/default\/component\/checkout\/readiness/);
    await page.getByText(/readiness/i).first().waitFor();
    await screenshot(page, 'readiness-tab');
  });

  it('opens the org scorecard page from the sidebar', async () => {
    const page = await openSignedIn(browser, '/catalog');
    await page.locator('nav').getByRole('link', { name: 'Readiness' }).click();
    await page.waitForURL(/\/readiness$/);
    await page.getByText(/readiness/i).first().waitFor();
    await screenshot(page, 'scorecard');
  });
});
