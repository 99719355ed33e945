import { describe, expect, it } from 'vitest';
import type { QueueItem, ReviewFinding } from './pharmacy-api.ts';
import { emergencyOnCard } from './open-emergency.ts';

const LINE =
  '患者有未处理的血压危急值预警（血压重度升高 205/124 mmHg）：请与处方医生确认已先评估有无高血压急症';
const finding = (id: string, ruleId: string, summary: string): ReviewFinding =>
  ({
    id,
    ruleId,
    type: 'guideline',
    severity: 'critical',
    summary,
    detail: '…',
    drugs: [],
    evidence: { orders: [], facts: [] },
    source: { id: ruleId, label: '中国高血压防治指南 2018' },
  }) as unknown as ReviewFinding;
const item = (findings: ReviewFinding[], openEmergency?: string[]) =>
  ({ findings, ...(openEmergency ? { openEmergency } : {}) }) as unknown as QueueItem;

describe("the patient's open emergency on the pharmacist's card, once (issue 20 try: shown twice)", () => {
  it('the emergency finding leads the card and is not repeated as a line nor in the findings list', () => {
    const emergency = finding('care.open-emergency:a1', 'care.open-emergency', LINE);
    const other = finding('dup:1', 'duplication', '同类药物重复');
    const card = emergencyOnCard(item([emergency, other], [LINE]));
    expect(card.lead).toEqual([emergency]);
    expect(card.lines).toEqual([]);
    expect(card.findings).toEqual([other]);
  });

  it('a line no finding says stays (e.g. an approved order read after the alert opened)', () => {
    const card = emergencyOnCard(item([finding('x', 'allergy', '过敏')], [LINE]));
    expect(card.lead).toEqual([]);
    expect(card.lines).toEqual([LINE]);
    expect(card.findings).toHaveLength(1);
  });

  it('nothing open: nothing leads', () => {
    const card = emergencyOnCard(item([]));
    expect(card).toEqual({ lead: [], lines: [], findings: [] });
  });
});
