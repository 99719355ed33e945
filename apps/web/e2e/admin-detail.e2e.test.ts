/**
 * Issue 20, the administrator's pages in the browser: the gateway page says why the quick-start provider is
 * degraded (failed requests, refused connection, when) in the console's language and offers no delete for a
 * provider from QIHUANG_MODEL_BASE_URL (disabled, with the reason); the audit page names the person and role,
 * with the user name and id in the tooltip.
 *
 * Needs Debian's chromium at /usr/bin/chromium (playwright-core never downloads a browser); skipped when absent.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import { USER_PASSWORD, newPage, signIn, startServer, type Stack } from './care-stack.ts';

warnIfNoChromium('admin-detail.e2e');

describe.skipIf(!HAS_CHROMIUM)('gateway reasons and audit names (needs /usr/bin/chromium)', () => {
  let stack: Stack | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureWebBuild();
    // A model server that is not there: every request is refused.
    stack = await startServer({
      QIHUANG_MODEL_BASE_URL: 'http://127.0.0.1:9/v1',
      QIHUANG_MODEL_NAME: 'qwen-e2e',
    });
    await stack.api('/admin/users', {
      method: 'POST',
      body: JSON.stringify({
        username: 'ops',
        password: USER_PASSWORD,
        role: 'admin',
        displayName: '王运维',
      }),
    });
    await fetch(`${stack.base}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'clinical-copilot', messages: [{ role: 'user', content: 'hi' }] }),
    });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('gateway: why it is degraded, and no delete for the provider from the environment', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/gateway`);
      const reasons = page.getByTestId('provider-reasons');
      await reasons.waitFor();
      expect(await reasons.textContent()).toContain('服务器拒绝或断开了连接');
      expect(await reasons.textContent()).toMatch(/时间 \d{4}-\d{2}-\d{2}/);
      const del = page.getByRole('button', { name: '删除 default' });
      expect(await del.isDisabled()).toBe(true);
      expect(await page.getByTestId('provider-delete-note').textContent()).toContain(
        'QIHUANG_MODEL_BASE_URL',
      );
      await page.screenshot({ path: join(SHOTS, 'issue20-gateway-reasons.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('gateway: checked at start, and a virtual model nothing can answer is down (issue 20, IT try-out)', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/gateway`);
      const providers = page.getByTestId('providers-table');
      await providers.waitFor();
      // No "check now": the periodic check ran at start, so "last checked" has a time.
      expect(await providers.locator('tbody tr').first().textContent()).toMatch(
        /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/,
      );
      const vm = page
        .getByTestId('virtual-models-table')
        .locator('tbody tr', { hasText: 'clinical-copilot' });
      await vm.waitFor();
      expect(await vm.locator('td').nth(2).textContent()).toContain('不可用');
      expect(await vm.locator('td').nth(2).textContent()).not.toContain('降级');
    } finally {
      await context.close();
    }
  });

  it('audit: times in the hospital zone with its name, events in Chinese words (issue 20, IT try-out)', async () => {
    // The browser in UTC, the server in its default zone (Asia/Shanghai): the times are the hospital's.
    const context = await browser!.newContext({
      locale: 'zh-CN',
      timezoneId: 'UTC',
      viewport: { width: 1366, height: 900 },
    });
    const page = await context.newPage();
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/audit?agent=ops`);
      const table = page.getByTestId('audit-table');
      await table.waitFor();
      const first = table.locator('tbody tr').first();
      expect(await first.locator('td').first().textContent()).toMatch(/\d{2}:\d{2} GMT\+8/);
      const text = (await table.textContent()) ?? '';
      expect(text).not.toMatch(/RESTful Operation|User Authentication|System Object|search-type/);
      expect(text).toMatch(/FHIR 请求|用户认证/);
      await page.screenshot({ path: join(SHOTS, 'issue20-audit-zone-words.png') });
    } finally {
      await context.close();
    }
  });

  it('audit: the person and role, the user name and id in the tooltip', async () => {
    const { context, page } = await newPage(browser!, 'zh-CN');
    try {
      await signIn(page, stack!.base, 'ops');
      await page.goto(`${stack!.base}/audit?agent=ops`);
      const agent = page.getByTestId('audit-agent').first();
      await agent.waitFor();
      expect(await agent.textContent()).toContain('王运维');
      expect(await agent.textContent()).toContain('管理员');
      expect(await agent.getAttribute('title')).toContain('ops');
      expect(await agent.getAttribute('title')).toContain(String(await agent.getAttribute('data-agent-id')));
      await page.screenshot({ path: join(SHOTS, 'issue20-audit-names.png') });
    } finally {
      await context.close();
    }
  });
});
