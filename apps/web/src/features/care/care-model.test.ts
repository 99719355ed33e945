import { describe, expect, it } from 'vitest';
import type { Consultation, DraftView, GuardReport, ReminderDue, TriageResult } from '../../api/care.ts';
import {
  resourceLabelKey,
  leadingAdvice,
  recentSummary,
  sourceText,
  draftDetail,
  triageSourceText,
  allAcknowledged,
  applyConsultationEvent,
  applyCopilotEvent,
  careLanguage,
  contradictedCount,
  criticalFindingIds,
  evidenceLines,
  emergencyOf,
  emptyConsultationStream,
  emptyCopilotTurn,
  formatJson,
  allAnswered,
  inputClosed,
  localDate,
  mergeDrafts,
  missingAcknowledgements,
  orderedClaims,
  percent,
  pick,
  progressSeries,
  progressSummary,
  todaysReminders,
  worstSeverity,
} from './care-model.ts';

const triage: TriageResult = {
  level: 'emergency',
  stop: true,
  redFlags: [{ code: 'chest-pain', matched: '胸痛', display: { zh: '胸痛', en: 'Chest pain' } }],
  crisisReading: { id: 'r1', sbp: 190, dbp: 125, time: '2026-03-10T08:00:00+08:00' },
  instruction: { zh: '请立即拨打120。', en: 'Call emergency services now.' },
  rule: 'red flag',
  source: 'ACC/AHA 2017 §11.2',
  inputs: {},
  display: { zh: '急症', en: 'Emergency' },
};

const summary = { total: 0, supported: 0, contradicted: 0, unverifiable: 0, text: '' };
const claim = (
  text: string,
  verdict: GuardReport['claims'][number]['verdict'],
): GuardReport['claims'][number] => ({
  text,
  kind: 'assertion',
  verdict,
  evidence: [],
  reason: '',
  checks: [],
  start: 0,
  end: 0,
  citations: [],
});

const consultation: Consultation = {
  id: 'c1',
  patientId: 'p1',
  status: 'active',
  language: 'zh',
  messages: [],
  answers: {},
  modelConfigured: true,
  createdAt: '2026-03-10T08:00:00+08:00',
  updatedAt: '2026-03-10T08:00:00+08:00',
};

const draft = (findings: DraftView['findings']): DraftView => ({
  id: 'mr1',
  status: 'draft',
  display: 'Amlodipine 5 mg once daily',
  findings,
  createdAt: '2026-03-10T00:00:00Z',
});
const finding = (id: string, severity: 'info' | 'warning' | 'critical') => ({
  id,
  severity,
  summary: { zh: id, en: id },
  detail: { zh: '', en: '' },
  source: { label: 'L', citation: 'C' },
});

describe('language and text', () => {
  it('maps the UI language and picks bilingual text with fallback', () => {
    expect(careLanguage('zh-CN')).toBe('zh');
    expect(careLanguage('en')).toBe('en');
    expect(pick({ zh: '中', en: 'E' }, 'zh-CN')).toBe('中');
    expect(pick({ zh: '中', en: '' }, 'en')).toBe('中');
    expect(pick(undefined, 'en')).toBe('');
  });
  it('formats dates and percentages', () => {
    expect(localDate(new Date(2026, 2, 5, 23, 59))).toBe('2026-03-05');
    expect(percent(0.857)).toBe('86%');
    expect(percent(undefined)).toBe('—');
  });
});

describe('consultation stream', () => {
  it('accumulates deltas and ends with the final consultation', () => {
    let s = emptyConsultationStream;
    s = applyConsultationEvent(s, { event: 'delta', data: { text: '您好，' } });
    s = applyConsultationEvent(s, { event: 'delta', data: { text: '请问' } });
    expect(s.streaming).toBe('您好，请问');
    s = applyConsultationEvent(s, { event: 'notice', data: { code: 'model-not-configured', message: 'm' } });
    expect(s.notice?.code).toBe('model-not-configured');
    s = applyConsultationEvent(s, { event: 'done', data: consultation });
    expect(s).toMatchObject({ streaming: '', final: { id: 'c1' } });
  });
  it('closes the input on an emergency stop, or when not active', () => {
    const s = applyConsultationEvent(emptyConsultationStream, { event: 'triage', data: triage });
    expect(inputClosed(consultation, s.triage)).toBe(true);
    expect(inputClosed(consultation, undefined)).toBe(false);
    expect(inputClosed({ ...consultation, status: 'completed' }, undefined)).toBe(true);
    expect(inputClosed({ ...consultation, status: 'stopped', triage }, undefined)).toBe(true);
    expect(inputClosed(consultation, { ...triage, level: 'urgent', stop: false })).toBe(false);
  });
  it('closes the input once every question is answered (no step left), and says to finish', () => {
    const done = { ...consultation, answers: { symptoms: '没有', medications: '没有' } };
    expect(allAnswered(done)).toBe(true);
    expect(inputClosed(done, undefined)).toBe(true);
    const asking = {
      ...done,
      step: { id: 'history' as const, index: 1, total: 6, question: { zh: '问', en: 'Q' } },
    };
    expect(allAnswered(asking)).toBe(false);
    expect(inputClosed(asking, undefined)).toBe(false);
    expect(allAnswered({ ...done, status: 'completed' })).toBe(false);
  });
  it('shows the streamed triage first, ignores level none', () => {
    expect(emergencyOf(consultation, triage)).toBe(triage);
    expect(emergencyOf({ ...consultation, triage }, undefined)).toBe(triage);
    expect(
      emergencyOf({ ...consultation, triage: { ...triage, level: 'none', stop: false } }, undefined),
    ).toBe(undefined);
  });
  it('keeps errors', () => {
    const s = applyConsultationEvent(emptyConsultationStream, {
      event: 'error',
      data: { code: 'x', message: 'y' },
    });
    expect(s.error).toEqual({ code: 'x', message: 'y' });
  });
});

describe('copilot turn', () => {
  it('collects tool calls (updated by id), deltas and the guarded final answer', () => {
    let s = emptyCopilotTurn;
    s = applyCopilotEvent(s, {
      event: 'tool',
      data: { id: 't1', name: 'bp_assessment', arguments: {}, result: null },
    });
    s = applyCopilotEvent(s, {
      event: 'tool',
      data: { id: 't1', name: 'bp_assessment', arguments: {}, result: { ok: 1 } },
    });
    s = applyCopilotEvent(s, {
      event: 'tool',
      data: { id: 't2', name: 'knowledge_search', arguments: { q: 'x' }, result: [] },
    });
    s = applyCopilotEvent(s, { event: 'delta', data: { text: 'BP ' } });
    s = applyCopilotEvent(s, { event: 'delta', data: { text: 'high' } });
    expect(s.tools.map((t) => t.id)).toEqual(['t1', 't2']);
    expect(s.tools[0]!.result).toEqual({ ok: 1 });
    expect(s.text).toBe('BP high');
    s = applyCopilotEvent(s, {
      event: 'done',
      data: {
        answer: 'BP high [k1]',
        citations: [],
        guard: { claims: [], contradicted: 0, summary },
        toolCalls: 2,
      },
    });
    expect(s.text).toBe('BP high [k1]');
    expect(s.done?.toolCalls).toBe(2);
  });
  it('formats JSON and shortens long values', () => {
    expect(formatJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(formatJson('x'.repeat(10), 4)).toBe('xxxx\n…');
  });
});

describe('guard claims', () => {
  it('orders contradicted first and never drops a claim', () => {
    const guard = {
      contradicted: 1,
      summary,
      claims: [claim('a', 'supported'), claim('b', 'contradicted'), claim('c', 'unverifiable')],
    };
    expect(orderedClaims(guard).map((c) => c.text)).toEqual(['b', 'c', 'a']);
    expect(contradictedCount(guard)).toBe(1);
    expect(contradictedCount({ contradicted: 0, claims: guard.claims, summary })).toBe(1);
    expect(orderedClaims(undefined)).toEqual([]);
  });
  it('renders evidence as readable lines', () => {
    expect(evidenceLines([{ source: 'Label §2.1', text: 'max 10 mg/d' }, 'plain', { x: 1 }])).toEqual([
      'Label §2.1 — max 10 mg/d',
      'plain',
      '{"x":1}',
    ]);
    expect(evidenceLines(undefined)).toEqual([]);
  });
});

describe('progress', () => {
  const weeks = [
    { weekStart: '2026-03-09', sbp: 138.4, dbp: 86.2, readings: 28, atTarget: false },
    { weekStart: '2026-03-02', sbp: 150, dbp: 95, readings: 28, atTarget: false },
  ];
  it('sorts weeks oldest first and rounds means', () => {
    expect(progressSeries(weeks, { sbp: 130, dbp: 80 })).toEqual({
      weeks: ['2026-03-02', '2026-03-09'],
      sbp: [150, 138],
      dbp: [95, 86],
      atTarget: [false, false],
      target: { sbp: 130, dbp: 80 },
    });
  });
  it('summarises the latest week against the target', () => {
    expect(progressSummary(weeks, { sbp: 130 })).toMatchObject({
      excessSbp: 8,
      changeSbp: -12,
      atTarget: false,
    });
    expect(progressSummary([], undefined)).toEqual({});
  });
});

describe('reminders', () => {
  const r = (date: string, session: 'morning' | 'evening', state: ReminderDue['state']): ReminderDue => ({
    date,
    session,
    window: session === 'morning' ? ['06:00', '09:00'] : ['18:00', '21:00'],
    state,
    readingsTaken: 0,
    readingsPlanned: 2,
  });
  it("lists today's reminders by urgency", () => {
    const list = todaysReminders(
      [
        r('2026-03-09', 'evening', 'missed'),
        r('2026-03-10', 'morning', 'done'),
        r('2026-03-10', 'evening', 'due'),
      ],
      '2026-03-10',
    );
    expect(list.map((x) => `${x.session}:${x.state}`)).toEqual(['evening:due', 'morning:done']);
  });
  it('falls back to the next planned day when none is today', () => {
    expect(todaysReminders([r('2026-03-16', 'morning', 'upcoming')], '2026-03-10')).toHaveLength(1);
  });
});

describe('drafts', () => {
  const d = draft([finding('f1', 'critical'), finding('f2', 'warning'), finding('f3', 'critical')]);
  it('needs every critical finding acknowledged', () => {
    expect(criticalFindingIds(d)).toEqual(['f1', 'f3']);
    expect(allAcknowledged(d, new Set(['f1']))).toBe(false);
    expect(allAcknowledged(d, new Set(['f1', 'f3']))).toBe(true);
    expect(allAcknowledged(draft([]), new Set())).toBe(true);
    expect(worstSeverity(d)).toBe('critical');
    expect(worstSeverity(draft([finding('x', 'info')]))).toBe('info');
    expect(worstSeverity(draft([]))).toBeUndefined();
  });
  it('reads missing acknowledgements from a 409 answer', () => {
    expect(missingAcknowledgements(d, 'Acknowledge f3 first', [])).toEqual(['f3']);
  });
  it('merges returned drafts by id', () => {
    const signed = { ...d, status: 'active' as const };
    const other = { ...d, id: 'mr2' };
    expect(mergeDrafts([d], [signed, other]).map((x) => `${x.id}:${x.status}`)).toEqual([
      'mr1:active',
      'mr2:draft',
    ]);
  });
});

describe('one language per screen: resource labels and the triage source', () => {
  it('labels a saved reference by its type and never shows the id', () => {
    expect(resourceLabelKey('QuestionnaireResponse/consult-abc-qr')).toBe('QuestionnaireResponse');
    expect(resourceLabelKey('FamilyMemberHistory/consult-abc-fmh')).toBe('FamilyMemberHistory');
    expect(resourceLabelKey('Basic/x')).toBe('other');
    expect(resourceLabelKey(undefined)).toBe('other');
  });
  it('drops the raw resource type from a draft display', () => {
    expect(draftDetail('FamilyMemberHistory/x', 'FamilyMemberHistory: FamilyMemberHistory')).toBe('');
    expect(draftDetail('Observation/x', 'Blood pressure panel: 150/95 mmHg')).toBe(
      'Blood pressure panel: 150/95 mmHg',
    );
    expect(draftDetail('Condition/x', undefined)).toBe('');
  });
  it('translates the engine source on a zh page and leaves it in English on an en page', () => {
    const src =
      'conservative safety rule; ACC/AHA 2017 §11.2; China 2018 hypertension guideline: acute target-organ damage symptoms';
    const zh = triageSourceText(src, 'zh-CN');
    // Sections in words, never "§" (issue 20 item 8), as the patient screen says them.
    expect(zh).toBe('保守安全规则；ACC/AHA 2017 第 11.2 节；中国高血压防治指南 2018：急性靶器官损害症状');
    expect(zh).not.toMatch(/[a-z]{4,}/);
    expect(triageSourceText(src, 'en')).toBe(src.replace('§11.2', 'section 11.2'));
    expect(
      triageSourceText(
        'ACC/AHA 2017 §11.2; China 2018 hypertension guideline: hypertensive urgency',
        'zh-CN',
      ),
    ).toBe('ACC/AHA 2017 第 11.2 节；中国高血压防治指南 2018：高血压亚急症');
  });
});

describe('phone page after the tester tour (issue 17)', () => {
  it('an open crisis alert leads over a recent-reading advice; a reading just saved leads over both', () => {
    const saved = { level: 'crisis', id: 'saved' };
    const alert = { level: 'crisis', id: 'alert' };
    const recent = { level: 'crisis', id: 'recent' };
    expect(leadingAdvice(undefined, alert, recent)).toBe(alert);
    expect(leadingAdvice(saved, alert, recent)).toBe(saved);
    expect(leadingAdvice(undefined, undefined, recent)).toBe(recent);
    expect(leadingAdvice(undefined, undefined, undefined)).toBeUndefined();
    // A just-saved old reading (before the alert look-back) never hides an open crisis alert.
    const old = { level: 'old-reading', id: 'old' };
    expect(leadingAdvice(old, alert, undefined)).toBe(alert);
    expect(leadingAdvice(old, undefined, undefined)).toBe(old);
  });

  it('never "at target" beside a crisis; one reading is not called a mean', () => {
    const week = { sbp: 129, dbp: 81, readings: 6, atTarget: true };
    expect(recentSummary(week, { sbp: 135, dbp: 85 }, false)).toMatchObject({
      key: 'care.progress.last7Days',
      count: 6,
      atTarget: true,
    });
    expect(recentSummary(week, { sbp: 135, dbp: 85 }, true)?.atTarget).toBe(false);
    const one = recentSummary({ sbp: 188, dbp: 124, readings: 1, atTarget: false }, { sbp: 135 }, true);
    expect(one).toMatchObject({
      key: 'care.progress.last7DaysOne',
      count: 1,
      atTarget: false,
      excessSbp: 53,
    });
    expect(recentSummary(undefined, { sbp: 135 }, false)).toBeUndefined();
    // 139/89 against 135/85 (home): above by the diastolic; the change only against a week before the 7 days.
    const weeks = [
      { weekStart: '2026-11-23', sbp: 129, dbp: 81, readings: 14, atTarget: true },
      { weekStart: '2026-11-30', sbp: 136, dbp: 88, readings: 12, atTarget: false },
      { weekStart: '2026-12-07', sbp: 188, dbp: 124, readings: 1, atTarget: false },
    ];
    const mixed = recentSummary(
      { from: '2026-12-01', sbp: 134, dbp: 89, readings: 7, atTarget: false },
      { sbp: 135, dbp: 85 },
      false,
      weeks,
    );
    expect(mixed).toMatchObject({ excessSbp: 0, excessDbp: 4, changeSbp: 5, since: '2026-11-23' });
    expect(
      recentSummary(
        { from: '2026-11-24', sbp: 134, dbp: 89, readings: 7, atTarget: false },
        undefined,
        false,
        weeks,
      )?.changeSbp,
    ).toBeUndefined();
  });

  it('source lines in the page language: no Chinese on the English page', () => {
    const sources = [
      '中国高血压防治指南 2018 (家庭血压监测: 连续测量7天,取后6天)',
      '中国高血压防治指南 2018 (家庭血压监测)',
      '中国高血压防治指南 2018 (生活方式干预)',
      '中国高血压防治指南 2018 (降压目标)',
      '中国高血压防治指南 2018 诊室外血压标准; ACC/AHA 2017 Table 11 equivalence',
      '中国高血压防治指南 2018 (某个未知的章节)',
    ];
    for (const s of sources) {
      const en = sourceText(s, 'en');
      expect(en, s).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en).toContain('Chinese Guidelines for the Management of Hypertension 2018');
    }
    expect(sourceText(sources[2], 'en')).toBe(
      'Chinese Guidelines for the Management of Hypertension 2018 (lifestyle interventions)',
    );
    // Full-width brackets around Chinese words on a zh screen (issue 20: '中国高血压防治指南 2018 (高血压急症)').
    expect(sourceText(sources[2], 'zh-CN')).toBe('中国高血压防治指南 2018（生活方式干预）');
    expect(sourceText('ESH 2023 (lifestyle interventions)', 'zh-CN')).toBe('ESH 2023（生活方式干预）');
    expect(sourceText('ACC/AHA 2017 §11.2; 中国高血压防治指南 2018 (高血压急症)', 'zh-CN')).toBe(
      'ACC/AHA 2017 第 11.2 节；中国高血压防治指南 2018（高血压急症）',
    );
    expect(
      sourceText('ACC/AHA 2017 Table 11; Chinese Hypertension Guidelines 2018 (home BP 135/85)', 'zh-CN'),
    ).toBe('ACC/AHA 2017 Table 11；中国高血压防治指南 2018（家庭血压 135/85）');
  });

  it('names the Chinese guideline one way on the English page', () => {
    expect(
      sourceText('Chinese Hypertension Guidelines 2018 §3.2; 中国高血压防治指南 2018 (降压目标)', 'en'),
    ).toBe(
      'Chinese Guidelines for the Management of Hypertension 2018 section 3.2; Chinese Guidelines for the Management of Hypertension 2018 (BP targets)',
    );
  });
});
