/**
 * One language per screen, server text included (issue 20): the clinician's summary (engine rules and sources),
 * the prescription drafts (dosage line, review sources) and the care plan (follow-up source) answer in the
 * request's language (`?lang`, else Accept-Language). An English answer has no Han character; a Chinese answer
 * has no English phrase — drug names, codes, units and guideline acronyms aside.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { week } from './care-test-support.ts';

const NOW = new Date('2026-03-10T04:00:00Z');
/** Moves a minute per proposal: a proposal's draft ids carry its time. */
let now = NOW;
const HAN = /\p{Script=Han}/u;
/** Names, codes and abbreviations that are no sentence in either language. */
const NOT_A_SENTENCE =
  /\b(?:[A-Z][a-z]+ \d+(?:\.\d+)? mg(?: oral tablet)?|mL\/min(?:\/1\.73 m²)?|mmHg|CKD-EPI|ACC\/AHA|ESH|KDIGO|PCE|IndSum|exp|Scr|SBP|DBP|eGFR|NSAIDs?|ACEI|ARB|BMJ|FDA|US|AHA|PREVENT|WHO|ATC|et al|DeepSeek API|QIHUANG_[A-Z_]+)\b/g;
const ENGLISH_PHRASE = /\b[A-Za-z]{3,}\b[\s,:;]+\b[A-Za-z]{3,}\b/;

/** Every user-facing string of a care answer (identifiers, codes, times and the drug display aside). */
function texts(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return /^(?:id|key|status|severity|kind|guideline|createdAt|time|next|display|reference|phase|schedule|author|created|signedAt|signedBy|decision|agent|class|cls|name)$/.test(
      key,
    )
      ? []
      : [value];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v, key));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      // Bilingual pairs: the screen picks its half; the other half is not read here.
      k === 'zh' || k === 'en' ? [] : texts(v, k),
    );
  return [];
}
/** The half of each bilingual pair that the screen in `lang` shows. */
function picked(value: unknown, lang: 'zh' | 'en'): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => picked(v, lang));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.zh === 'string' && typeof o.en === 'string') return [o[lang] as string];
    return Object.values(o).flatMap((v) => picked(v, lang));
  }
  return [];
}

function expectEnglish(strings: string[]) {
  expect(strings.length).toBeGreaterThan(0);
  for (const s of strings) expect(s, s).not.toMatch(HAN);
}
function expectChinese(strings: string[]) {
  expect(strings.length).toBeGreaterThan(0);
  for (const s of strings) expect(s.replace(NOT_A_SENTENCE, ' '), s).not.toMatch(ENGLISH_PHRASE);
}

describe('care answers in one language', () => {
  let t: TestApp;
  const get = async (path: string, init: RequestInit = {}) => {
    const r = await t.request(path, init);
    expect(r.status, await r.clone().text()).toBe(200);
    return (await r.json()) as Record<string, unknown>;
  };

  beforeAll(async () => {
    t = await createTestApp('pglite', {}, () => now, 'disabled');
    const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
    const id = 'lang-1';
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      gender: 'male',
      birthDate: '1956-01-01',
    });
    const subject = { reference: `Patient/${id}` };
    const lab = (oid: string, code: string, value: number, unit: string) =>
      t.repository.update(system, 'Observation', oid, {
        resourceType: 'Observation',
        id: oid,
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code }] },
        subject,
        effectiveDateTime: '2026-03-01T08:00:00+08:00',
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      });
    await lab('lang-tc', '2093-3', 220, 'mg/dL');
    await lab('lang-hdl', '2085-9', 40, 'mg/dL');
    await lab('lang-cr', '2160-0', 1.1, 'mg/dL');
    // A draft as the demo data has them (English dosage text): amlodipine 5 mg at 70 gets the label's
    // elderly start-dose finding, with its source.
    await t.repository.update(system, 'MedicationRequest', 'lang-amlo', {
      resourceType: 'MedicationRequest',
      id: 'lang-amlo',
      status: 'draft',
      intent: 'proposal',
      subject,
      medicationCodeableConcept: {
        text: 'Amlodipine 5 mg oral tablet',
        coding: [
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '17767', display: 'amlodipine' },
        ],
      },
      dosageInstruction: [
        {
          text: '5 mg by mouth once daily',
          route: { text: 'oral', coding: [{ system: 'http://snomed.info/sct', code: '26643006' }] },
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [
            { doseQuantity: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
          ],
        },
      ],
    });
    await t.request(`/api/bp/patients/${id}/readings`, {
      method: 'POST',
      body: week(168, 104),
      headers: { 'content-type': 'text/csv' },
    });
    const proposal = await t.request(`/api/care/patients/${id}/proposal`, {
      method: 'POST',
      body: JSON.stringify({ guideline: 'china-2018', language: 'en' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(proposal.status, await proposal.clone().text()).toBe(201);
    const plan = await t.request(`/api/care/patients/${id}/care-plan`, {
      method: 'PUT',
      body: JSON.stringify({ guideline: 'china-2018' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(plan.status, await plan.clone().text()).toBe(200);
  }, 120_000);
  afterAll(async () => t?.closeAll());

  it('summary: engine rules and sources in English (?lang=en) and in Chinese (Accept-Language)', async () => {
    for (const guideline of ['china-2018', 'esh-2023', 'acc-aha-2017'] as const) {
      const en = await get(`/api/care/patients/lang-1/summary?guideline=${guideline}&lang=en`);
      const findings = en.findings as { key: string; rule: string; source: string }[];
      expect(findings.map((f) => f.key)).toEqual(
        expect.arrayContaining(['home-mean', 'classification', 'target', 'pce', 'egfr']),
      );
      expectEnglish([...texts(en.findings), ...picked(en.findings, 'en')]);
      const zh = await get(`/api/care/patients/lang-1/summary?guideline=${guideline}`, {
        headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      });
      expectChinese([...texts(zh.findings), ...picked(zh.findings, 'zh')]);
    }
  });

  it('drafts: dosage line and review sources in the request language', async () => {
    const en = (await get('/api/care/patients/lang-1/drafts?lang=en')).drafts as {
      dosage?: string;
      findings: unknown[];
    }[];
    expect(en.length).toBeGreaterThan(0);
    expect(en.some((d) => d.findings.length > 0)).toBe(true);
    expectEnglish([...texts(en), ...picked(en, 'en')]);
    const zh = (await get('/api/care/patients/lang-1/drafts?lang=zh-CN')).drafts as { dosage?: string }[];
    expectChinese([...texts(zh), ...picked(zh, 'zh')]);
    expect(zh.every((d) => d.dosage === undefined || /每日/.test(d.dosage))).toBe(true);
  });

  it('care plan: the follow-up source in each language', async () => {
    const plan = (await get('/api/care/patients/lang-1/care-plan')) as {
      followUp: { sourceText?: { zh: string; en: string } };
    };
    expect(plan.followUp.sourceText).toBeDefined();
    expectEnglish([plan.followUp.sourceText!.en]);
    expectChinese([plan.followUp.sourceText!.zh]);
  });

  it('proposal: what the console shows (target, orders, sources, notes, the model notice) in the request language', async () => {
    type Proposal = {
      target: { display?: { zh: string; en: string }; source: string };
      orders: { display: unknown; rationale: unknown; source: string }[];
      avoided: { reason: unknown; source: string }[];
      notes: unknown[];
    };
    const shown = (body: { proposal: Proposal; explanation: { message?: string } }, lang: 'zh' | 'en') => {
      const p = body.proposal;
      return [
        p.target.source,
        ...picked(
          [
            p.target.display,
            p.orders.map((o) => [o.display, o.rationale]),
            p.avoided.map((a) => a.reason),
            p.notes,
          ],
          lang,
        ),
        ...p.orders.map((o) => o.source),
        ...p.avoided.map((a) => a.source),
        body.explanation.message ?? '',
      ];
    };
    for (const language of ['zh', 'en'] as const) {
      now = new Date(now.getTime() + 60_000);
      const r = await t.request('/api/care/patients/lang-1/proposal', {
        method: 'POST',
        body: JSON.stringify({ guideline: 'china-2018', language }),
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status, await r.clone().text()).toBe(201);
      const body = (await r.json()) as { proposal: Proposal; explanation: { message?: string } };
      expect(body.proposal.orders.length).toBeGreaterThan(0);
      if (language === 'en') expectEnglish(shown(body, 'en'));
      else expectChinese(shown(body, 'zh'));
    }
  });
});
