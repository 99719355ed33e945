import { describe, expect, it } from 'vitest';
import type { QueueItem, ReviewFinding, Severity } from './pharmacy-api.ts';
import {
  RETURN_REASONS,
  findingsNeedingReason,
  missingReasons,
  missingReturnFields,
  overridesToSend,
  reasonInLanguage,
  returnReasonText,
} from './review-form.ts';

const finding = (id: string, severity: Severity): ReviewFinding => ({
  id,
  ruleId: id,
  type: 'renal',
  severity,
  summary: id,
  detail: '',
  drugs: [],
  evidence: { orders: [], facts: [] },
  source: { id: 'x', label: 'x' },
});
const item = {
  id: 'rx',
  status: 'draft',
  medication: 'metformin',
  patient: { allergies: [] },
  review: { state: 'pending', findings: [] },
  findings: [finding('metformin-egfr30', 'critical'), finding('k', 'warning'), finding('note', 'info')],
  knowledgeVersion: '1',
} as QueueItem;

describe('pharmacist review form', () => {
  it('needs a reason for every critical and warning finding to approve, none for info', () => {
    expect(findingsNeedingReason(item).map((f) => f.id)).toEqual(['metformin-egfr30', 'k']);
    expect(missingReasons(item, 'approve', '', {})).toEqual(['metformin-egfr30', 'k']);
    expect(missingReasons(item, 'approve', 'note', { 'metformin-egfr30': 'ok', k: '  ' })).toEqual(['k']);
    expect(missingReasons(item, 'approve', '', { 'metformin-egfr30': 'a', k: 'b' })).toEqual([]);
    expect(missingReasons({ ...item, findings: [] }, 'approve', '', {})).toEqual([]);
  });

  it('needs a reason to return', () => {
    expect(missingReasons(item, 'return', ' ', {})).toEqual(['reason']);
    expect(missingReasons(item, 'return', 'dose', {})).toEqual([]);
  });

  it('sends trimmed reasons for this order only', () => {
    expect(overridesToSend(item, { 'metformin-egfr30': ' renal team ', other: 'x', k: ' ' })).toEqual({
      'metformin-egfr30': 'renal team',
    });
  });
});

describe('the return form (issue 20)', () => {
  it('needs a reason from the list; details only for "other"', () => {
    expect(missingReturnFields('', '')).toEqual(['reasonCode']);
    expect(missingReturnFields('', 'text only')).toEqual(['reasonCode']);
    expect(missingReturnFields('dose', '')).toEqual([]);
    expect(missingReturnFields('other', '  ')).toEqual(['reasonDetail']);
    expect(missingReturnFields('other', 'Ask the patient about ankle swelling')).toEqual([]);
    expect(RETURN_REASONS).toContain('contraindication');
  });

  it('sends the reason in words, then the details', () => {
    expect(returnReasonText('剂量或用法不适宜', ' 超过最大日剂量 ', '：')).toBe(
      '剂量或用法不适宜：超过最大日剂量',
    );
    expect(returnReasonText('Allergy', '', ': ')).toBe('Allergy');
  });
});

// Issue 20 try: on the English pharmacist screen a return reason chosen on a Chinese one read "重复给药".
describe('reasonInLanguage', () => {
  const labels = {
    zh: { duplication: '重复给药', dose: '剂量不适宜', other: '其他' },
    en: { duplication: 'Duplicate therapy', dose: 'Dose or frequency not appropriate', other: 'Other' },
  };
  const en = { labels: labels.en, separator: ': ' };
  const zh = { labels: labels.zh, separator: '：' };
  const known = [labels.zh, labels.en];
  it('words the chosen category in the screen language, details as written', () => {
    expect(reasonInLanguage('重复给药', known, en)).toBe('Duplicate therapy');
    expect(reasonInLanguage('重复给药：与氨氯地平重复', known, en)).toBe('Duplicate therapy: 与氨氯地平重复');
    expect(reasonInLanguage('Dose or frequency not appropriate: 10 mg bid', known, zh)).toBe(
      '剂量不适宜：10 mg bid',
    );
  });
  it('leaves a reason with no known category as written', () => {
    expect(reasonInLanguage('请补充诊断', known, en)).toBe('请补充诊断');
    expect(reasonInLanguage('', known, en)).toBe('');
  });
});
