// Opens report.html in a real headless browser (Debian's chromium, driven by playwright-core), reads what a
// person sees, and saves a screenshot and an A4 PDF to test-artifacts/. Skipped, saying why, without chromium.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/render/report.js';
import { muni, SAMPLE_MISSING, samplePlan } from './helpers/report-plan.js';

// Browser globals used inside page.evaluate (the project compiles without the DOM library).
declare const getComputedStyle: (el: unknown) => { backgroundColor: string; breakInside: string; printColorAdjust: string };
declare const document: { documentElement: { scrollWidth: number } };

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTIFACTS = resolve(import.meta.dirname, '..', 'test-artifacts');
if (!CHROMIUM) console.warn('report-browser.test.ts skipped: no chromium at /usr/bin/chromium (apt-get install -y chromium)');

describe.skipIf(!CHROMIUM)('report.html in a headless browser', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const sample = samplePlan();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samling-report-'));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1100, height: 900 },
      offline: true,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string): Promise<void> {
    const file = join(dir, name);
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href);
  }

  it('shows the headline figures and municipality rows a person reads, and saves a screenshot', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await open(renderReport(sample, 'nn', { today: '2021-10-01', names: true }), 'report.html');

    expect(await page.title()).toBe('Klimasamling for kommunane i Møre og Romsdal – Rapport');
    const figure = (id: string) => page.locator(`#fig-${id}`).innerText();
    expect((await figure('registered')).replace(/\s+/g, ' ')).toBe('Påmelde 35');
    expect((await figure('late-pending')).replace(/\s+/g, ' ')).toBe('Seine, ventar på avgjerd 1');
    expect((await figure('no-registration')).replace(/\s+/g, ' ')).toBe('Kommunar utan påmelding 3 av 26');

    const orsta = page.locator(`tr[data-code="${muni('Ørsta').code}"]`);
    const cells = (await orsta.locator('th, td').allInnerTexts()).map((s) => s.trim());
    expect(cells.slice(0, 6)).toEqual(['Ørsta', '5', '4 av 4', '1', '1', 'Ja']);
    expect(cells[6]).toMatch(/Utsleppskutt\s+Innkjøp\s+Planlegging\s+Landbruk\s+Anna/);

    // The bar is drawn at the width of the places used: full for Ørsta, a quarter for Molde.
    const width = async (code: string) =>
      page.locator(`tr[data-code="${code}"] .fill`).evaluate((el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width);
    expect(await width(muni('Ørsta').code)).toBeCloseTo(1, 2);
    expect(await width(muni('Molde').code)).toBeCloseTo(0.25, 2);

    // Municipalities with no registration stand out: a label a person reads, and a different background.
    const sande = page.locator(`tr[data-code="${muni('Sande').code}"]`);
    expect(await sande.locator('th').innerText()).toMatch(/^Sande\s+Ingen påmelding$/);
    const bg = (loc: typeof sande) => loc.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(sande)).not.toBe(await bg(orsta));
    expect(await page.locator('tr.none').count()).toBe(SAMPLE_MISSING.length);

    // Nothing outside the file was fetched.
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.pdf({ path: join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    expect(existsSync(join(ARTIFACTS, 'report.png'))).toBe(true);
  });

  it('prints on A4, with rows that do not break across pages and the colours kept', async () => {
    await open(renderReport(sample, 'en', { today: '2021-10-01', names: true }), 'report-en.html');
    await page.emulateMedia({ media: 'print' });
    const row = page.locator(`tr[data-code="${muni('Sande').code}"]`);
    expect(await row.evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    expect(await row.evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe('exact');
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    await page.setViewportSize({ width: 718, height: 1000 }); // A4 less the margins, at 96 dpi
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-print.png'), fullPage: true });
    // Nothing runs off the side of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    // A4 is 595 × 842 points; the sample fits on a few pages.
    const boxes = [...pdf.matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.length).toBeLessThanOrEqual(4);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  });

  it('shows the aggregate version with no name or e-mail on screen', async () => {
    await open(renderReport(sample, 'nn', { today: '2021-10-01', names: false }), 'report-aggregate.html');
    const seen = await page.locator('body').innerText();
    expect(seen.toLowerCase()).toContain('samandrag utan personopplysningar');
    for (const r of sample.registrations) {
      for (const v of [r.lastName, r.email, r.id]) if (v) expect(seen.includes(v), v).toBe(false);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'report-aggregate.png'), fullPage: true });
  });
});
