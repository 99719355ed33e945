/** Issue 20: a refused patient link (422 naming patientId) reads as a field message in the page language. */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ApiError } from '../../api/api-error.ts';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { patientLinkError } from './patient-link.tsx';

const i18n = i18next.createInstance();
await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN' });
const zh = i18n.getFixedT('zh-CN') as unknown as (k: string, o?: Record<string, unknown>) => string;

describe('patientLinkError', () => {
  it('the server refusal of an unknown Patient id, in Chinese, the raw text kept', () => {
    const raw =
      'patientId: there is no Patient/not-a-real-patient; link the account to an existing patient record';
    const err = new ApiError(422, 'invalid-resource', raw);
    expect(patientLinkError(err, 'not-a-real-patient', zh)).toEqual({
      text: '不存在患者记录 not-a-real-patient：请从搜索结果中选择患者。',
      raw,
    });
    expect(patientLinkError(new ApiError(409, 'conflict', 'username taken'), 'x', zh)).toBeUndefined();
  });
});
