/**
 * Issue 20 (IT try-out): the audit page on a Chinese screen showed "RESTful Operation / search-type", "User
 * Authentication / Login", "System Object" and "轻微失败" for a patient refused another patient's chart; a model
 * call named no model; patients were raw ids.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { AuditEvent } from '@medplum/fhirtypes';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { bundleTimeZone, entityViews, eventText, outcomeText } from './audit-words.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
});
const zh = i18n.getFixedT('zh-CN') as unknown as (k: string, o?: Record<string, unknown>) => string;
const enT = i18n.getFixedT('en') as unknown as (k: string, o?: Record<string, unknown>) => string;

const DCM = 'http://dicom.nema.org/resources/ontology/DCM';
const QH = 'https://qihuang.dev/fhir';
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const detail = (d: object) => [
  { url: `${QH}/StructureDefinition/audit-detail`, valueString: JSON.stringify(d) },
];

const search: AuditEvent = {
  resourceType: 'AuditEvent',
  type: {
    system: 'http://terminology.hl7.org/CodeSystem/audit-event-type',
    code: 'rest',
    display: 'RESTful Operation',
  },
  subtype: [{ system: 'http://hl7.org/fhir/restful-interaction', code: 'search-type' }],
  recorded: '2026-12-07T06:54:00Z',
  outcome: '0',
  agent: [],
  source: { observer: {} },
  extension: detail({ total: 20, returned: 20 }),
  entity: [
    { what: { reference: 'Patient' }, type: { code: '2', display: 'System Object' }, query: b64('name=王') },
    { what: { reference: 'Patient/p1', display: '王秀英' }, type: { code: '1' } },
    { what: { reference: 'Patient/p2' }, type: { code: '1' } },
  ],
};

describe('audit events in the page language', () => {
  it('type and subtype codes as Chinese words', () => {
    expect(eventText(search, zh)).toBe('FHIR 请求 / 搜索');
    const login: AuditEvent = {
      ...search,
      type: { system: DCM, code: '110114', display: 'User Authentication' },
      subtype: [{ system: DCM, code: '110122', display: 'Login' }],
    };
    expect(eventText(login, zh)).toBe('用户认证 / 登录');
    expect(eventText(login, enT)).toBe('User authentication / sign-in');
    const model: AuditEvent = {
      ...search,
      type: { system: `${QH}/CodeSystem/audit-action`, code: 'model-call', display: 'Model call' },
      subtype: [{ system: `${QH}/CodeSystem/audit-action`, code: 'model-call' }],
    };
    expect(eventText(model, zh)).toBe('模型调用');
  });

  it('a refused request reads as refused access with the reason', () => {
    const refused = {
      ...search,
      outcome: '4' as const,
      extension: detail({ status: 403, code: 'forbidden' }),
    };
    expect(outcomeText(refused, zh)).toBe('访问被拒绝：该用户无此权限');
    const hidden = {
      ...search,
      outcome: '4' as const,
      extension: detail({ status: 404, code: 'not-found' }),
    };
    expect(outcomeText(hidden, zh)).toMatch(/^访问被拒绝/);
    expect(outcomeText(search, zh)).toBe('成功');
  });

  it('records: the search in words, patients by name (id in the title), the result count', () => {
    const views = entityViews(search, zh);
    expect(views.map((v) => v.text)).toEqual(['搜索患者', '王秀英', '患者 p2', '20 条结果']);
    expect(views[0]?.title).toBe('name=王');
    expect(views[1]?.title).toBe('Patient/p1');
    expect(views.some((v) => /System Object/.test(v.text))).toBe(false);
  });

  it('a model call names the model', () => {
    const call: AuditEvent = {
      ...search,
      type: { code: 'model-call' },
      subtype: [{ code: 'model-call' }],
      extension: detail({ model: 'clinical-copilot', target: 'flaky' }),
      entity: [],
    };
    expect(entityViews(call, zh)[0]?.text).toBe('模型 clinical-copilot');
  });

  it("the search bundle's time zone", () => {
    expect(
      bundleTimeZone({
        meta: { extension: [{ url: `${QH}/StructureDefinition/time-zone`, valueCode: 'Asia/Shanghai' }] },
      }),
    ).toBe('Asia/Shanghai');
  });
});
