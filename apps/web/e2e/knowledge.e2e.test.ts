/**
 * Browser test of the knowledge pages against the real server (`node bin/qihuang.mjs serve`, no demo data):
 * admin creates a collection, uploads a small Markdown file (progress → done), searches it in Chinese and sees
 * the matching terms highlighted, then the guard playground marks a planted wrong dose as contradicted.
 *
 * Needs Debian's chromium at /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`); playwright-core
 * never downloads a browser. Skipped, with this reason, when that binary is absent. Rebuilds apps/web/dist when it
 * is missing or older than the console sources. Screenshots go to $QIHUANG_E2E_SHOTS (default: the OS temp dir).
 * Run alone: `npx vitest run apps/web/e2e/knowledge.e2e.test.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  E2E_ADMIN_PASSWORD,
  HAS_CHROMIUM,
  SHOTS,
  ensureWebBuild,
  launchBrowser,
  startServer,
  warnIfNoChromium,
  type TestServer,
} from './support.ts';

const ADMIN_PASSWORD = E2E_ADMIN_PASSWORD;

const FIXTURE = `# 氨氯地平用药说明

## 用法用量

氨氯地平片用于治疗高血压。成人起始剂量为每次 5 mg，每日 1 次；最大剂量为每日 10 mg。

## 注意事项

肝功能不全者应从小剂量开始，缓慢加量。
`;
/** The planted error: ten times the maximum single dose. */
const WRONG_ANSWER = '高血压患者可服用氨氯地平，每次50 mg，每日1次。';

warnIfNoChromium('knowledge.e2e');

describe.skipIf(!HAS_CHROMIUM)('knowledge pages in a browser (needs /usr/bin/chromium)', () => {
  let server: TestServer | undefined;
  let base = '';
  let dataDir = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer(
      { QIHUANG_ADMIN_PASSWORD: ADMIN_PASSWORD, QIHUANG_DEMO: '0', QIHUANG_MODEL_BASE_URL: '' },
      { dataDirPrefix: 'qihuang-kb-e2e-' },
    );
    base = server.base;
    dataDir = server.dataDir;
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('create collection → upload Markdown → Chinese search with highlights → guard marks a wrong dose', async () => {
    const context = await browser!.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const fixture = join(dataDir, 'amlodipine-note.md');
    writeFileSync(fixture, FIXTURE);
    const name = `e2e-kb-${Date.now()}`;
    try {
      await page.goto(`${base}/`);
      await page.locator('#signin-username').fill('admin');
      await page.locator('#signin-password').fill(ADMIN_PASSWORD);
      await page.locator('form button[type="submit"]').click();
      await page.locator('header.topbar').waitFor({ timeout: 30_000 });

      // Collections: create one.
      await page
        .locator('nav[aria-label="Main navigation"]')
        .getByRole('link', { name: 'Knowledge', exact: true })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Knowledge base' }).waitFor({ timeout: 30_000 });
      await page.locator('#kb-create-name').fill(name);
      await page.locator('#kb-create-description').fill('E2E test collection');
      await page.getByRole('button', { name: 'Create collection' }).click();
      const link = page.getByTestId('kb-collections-table').getByRole('link', { name, exact: true });
      await link.waitFor({ timeout: 30_000 });
      await link.click();

      // Collection detail: upload the fixture; progress ends in "done"; the document lists its passages.
      await page.getByTestId('kb-collection-name').filter({ hasText: name }).waitFor({ timeout: 30_000 });
      await page.locator('#kb-upload-files').setInputFiles(fixture);
      const upload = page.getByTestId('kb-upload-item').filter({ hasText: 'amlodipine-note.md' });
      await upload.and(page.locator('[data-phase="done"]')).waitFor({ timeout: 60_000 });
      expect(await upload.textContent()).toMatch(/Added: \d+ passages/);
      const docs = page.getByTestId('kb-documents-table');
      await docs.getByText('amlodipine-note.md').waitFor({ timeout: 30_000 });
      expect(Number(await docs.getByTestId('kb-document-chunks').first().textContent())).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-kb-collection-en.png'), fullPage: true });

      // Search in Chinese, limited to the new collection: the passage shows with terms highlighted.
      await page.getByRole('link', { name: 'Search', exact: true }).click();
      await page.getByLabel('Question or keywords').fill('氨氯地平的最大剂量');
      await page.getByLabel('Collection', { exact: true }).selectOption({ label: name });
      await page.getByRole('search').getByRole('button', { name: 'Search', exact: true }).click();
      const passage = page.getByTestId('kb-passage').first();
      await passage.waitFor({ timeout: 30_000 });
      expect(await passage.getByTestId('kb-passage-section').textContent()).toContain('用法用量');
      const marks = await passage.locator('mark.kb-hit').allTextContents();
      expect(marks).toEqual(expect.arrayContaining(['氨氯地平', '剂量']));
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-kb-search-en.png'), fullPage: true });

      // Guard playground: passages from a search, a planted wrong dose → contradicted, marked inline with text.
      await page.getByRole('link', { name: 'Guard playground', exact: true }).click();
      await page.getByLabel('Answer (Markdown)').fill(WRONG_ANSWER);
      await page.getByLabel('Search query for passages').fill('氨氯地平 剂量');
      await page.locator('#guard-fill-collection').selectOption({ label: name });
      await page.getByRole('button', { name: 'Use search results' }).click();
      await page.getByTestId('guard-passage-row').first().waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('guard-passage-row').first().locator('textarea').inputValue()).toContain(
        '最大剂量',
      );
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      const dose = page.locator('[data-testid="guard-claim"][data-kind="dose"]');
      await dose.waitFor({ timeout: 30_000 });
      expect(await dose.getAttribute('data-verdict')).toBe('contradicted');
      expect(await dose.textContent()).toContain('Contradicted');
      const mark = page.getByTestId('guard-marked-answer').locator('mark[data-verdict="contradicted"]');
      expect(await mark.count()).toBeGreaterThan(0);
      expect(await mark.first().textContent()).toContain('50 mg');
      // Not colour alone: the mark carries its verdict as text, and a reference names it.
      expect(await mark.first().textContent()).toContain('(Contradicted)');
      expect(
        await page
          .getByTestId('guard-marked-answer')
          .getByRole('link', { name: /Claim \d+: Contradicted/ })
          .count(),
      ).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, 'qihuang-e2e-kb-guard-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  }, 180_000);
});
