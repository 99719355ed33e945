/**
 * Browser test of issue 20 (a non-author try): a consultation that stopped at once as an emergency was invisible to
 * the clinician — the Care tab said 尚无问诊, and after a second consultation only that one showed; the patient's
 * words appeared nowhere in the console. Now the Care tab lists every consultation with how it ended, the triage
 * and the patient's words verbatim (labels in the page language), and the alert in the inbox quotes the words of
 * the consultation that raised it.
 *
 * Needs Debian's chromium at /usr/bin/chromium; skipped when absent. Screenshots go to $QIHUANG_E2E_SHOTS.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SHOTS, ensureWebBuild, launchBrowser, warnIfNoChromium } from './support.ts';
import {
  createUser,
  newPage,
  putPatient,
  signIn,
  startServer,
  USER_PASSWORD,
  type Stack,
} from './care-stack.ts';

const PATIENT = 'consult-visible-e2e';
const EMERGENCY = '现在右手突然没劲，说话不清楚，胸口也很痛';
const LATER = '没有不舒服';

warnIfNoChromium('consult-visible.e2e');

describe.skipIf(!HAS_CHROMIUM)('the clinician sees every consultation, stopped ones too', () => {
  let stack: Stack;
  let browser: Browser;
  let patient = '';

  const consult = async (text: string) => {
    const started = await stack.api<{ id: string }>(
      `/api/care/patients/${PATIENT}/consultations`,
      { method: 'POST', body: JSON.stringify({ language: 'zh' }) },
      patient,
    );
    const reply = await fetch(`${stack.base}/api/care/consultations/${started.id}/messages`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${patient}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text }),
    });
    expect(reply.status).toBe(200);
    return { id: started.id, events: await reply.text() };
  };

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startServer({}, 7780);
    await putPatient(stack, PATIENT, '钱', '桂兰', '1950-03-02');
    await createUser(stack, 'consult-visible-doc', 'clinician');
    await createUser(stack, 'consult-visible-patient', 'patient', PATIENT);
    ({ access_token: patient } = await stack.api<{ access_token: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'consult-visible-patient', password: USER_PASSWORD }),
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('the Care tab lists the emergency stop with the words; the alert quotes them', async () => {
    const stopped = await consult(EMERGENCY);
    expect(stopped.events).toContain('"status":"stopped"');
    const later = await consult(LATER);
    browser = await launchBrowser();

    const doc = await newPage(browser, 'zh-CN');
    await signIn(doc.page, stack.base, 'consult-visible-doc');
    await doc.page.goto(`${stack.base}/patients/${PATIENT}/care`);
    const list = doc.page.getByTestId('care-consultations');
    await list.waitFor({ timeout: 30_000 });
    const stop = list.locator(`li[data-consultation="${stopped.id}"]`);
    const open = list.locator(`li[data-consultation="${later.id}"]`);
    await stop.waitFor();
    expect(await stop.getAttribute('data-outcome')).toBe('emergency-stop');
    const stopText = await stop.innerText();
    expect(stopText).toContain('已停止：已转急诊');
    expect(stopText).toContain('分诊结果');
    expect(stopText).toContain('急症');
    expect(stopText).toContain(EMERGENCY);
    expect(stopText).not.toMatch(/emergency-stop|Triage|Emergency|conservative|§/);
    expect(await open.innerText()).toContain(LATER);
    expect(await doc.page.getByTestId('care-tab').innerText()).not.toContain('尚无问诊。');
    await doc.page.screenshot({ path: join(SHOTS, 'qihuang-consult-visible-zh.png'), fullPage: true });

    // The alert inbox quotes the patient's words and links to the consultation.
    await doc.page.goto(`${stack.base}/alerts`);
    const card = doc.page.locator('[data-testid="alert-list"] li', { hasText: '钱桂兰' });
    await card.waitFor({ timeout: 30_000 });
    const quote = card.getByTestId('alert-consultation-words');
    await quote.waitFor({ timeout: 30_000 });
    const quoted = await quote.innerText();
    expect(quoted).toContain('患者在问诊中写道');
    expect(quoted).toContain(EMERGENCY);
    expect(quoted).not.toContain(LATER);
    expect(await quote.locator('a').getAttribute('href')).toBe(
      `/patients/${PATIENT}/care#consultation-${stopped.id}`,
    );
    await doc.context.close();

    // In English, the labels are English; the words stay as the patient wrote them.
    const en = await newPage(browser, 'en-US');
    await signIn(en.page, stack.base, 'consult-visible-doc');
    await en.page.goto(`${stack.base}/patients/${PATIENT}/care`);
    const enStop = en.page.locator(
      `[data-testid="care-consultations"] li[data-consultation="${stopped.id}"]`,
    );
    await enStop.waitFor({ timeout: 30_000 });
    const enText = await enStop.innerText();
    expect(enText).toContain('Stopped: sent to emergency care');
    expect(enText).toContain("Patient's own words");
    expect(enText).toContain(EMERGENCY);
    expect(enText).not.toMatch(/已停止|分诊结果|患者原话/);
    await en.context.close();
  });

  it('the overview lists a confirmed allergy without a badge and no longer lists a rejected one', async () => {
    const allergy = (id: string, text: string, verification: string) =>
      stack.api(`/fhir/R4/AllergyIntolerance/${id}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({
          resourceType: 'AllergyIntolerance',
          id,
          meta: { tag: [{ system: 'urn:qihuang:provenance', code: 'patient-reported' }] },
          clinicalStatus: {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' },
            ],
          },
          verificationStatus: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
                code: verification,
              },
            ],
          },
          code: { text },
          patient: { reference: `Patient/${PATIENT}` },
        }),
      });
    await allergy('cv-e2e-confirmed', '青霉素', 'confirmed');
    await allergy('cv-e2e-refuted', '一天半包', 'refuted');
    browser ??= await launchBrowser();
    const doc = await newPage(browser, 'zh-CN');
    await signIn(doc.page, stack.base, 'consult-visible-doc');
    await doc.page.goto(`${stack.base}/patients/${PATIENT}`);
    const allergies = doc.page.locator('section[aria-labelledby="sec-allergies"]');
    await expect.poll(() => allergies.textContent(), { timeout: 30_000 }).toContain('青霉素');
    const text = (await allergies.textContent()) ?? '';
    expect(text).not.toContain('一天半包');
    expect(text).not.toContain('已否定');
    expect(await allergies.getByTestId('chart-reported-badge').count()).toBe(0);
    await doc.context.close();
  });
});
