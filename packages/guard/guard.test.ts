import { describe, expect, it } from 'vitest';
import { checkAnswer, verifyClaims } from './check-answer.ts';
import { createGuardRoutes } from './routes.ts';
import { splitSentences } from './extract.ts';
import { PASSAGES, PLANTED } from './fixtures/planted.ts';

describe('planted errors are caught; correct answers pass untouched', () => {
  for (const c of PLANTED) {
    it(c.name, async () => {
      const result = await checkAnswer({
        answer: c.answer,
        passages: PASSAGES,
        patient: c.patient,
        guideline: c.guideline,
      });
      const contradicted = result.claims.filter((x) => x.verdict === 'contradicted');
      if (c.errors.length === 0) {
        expect(contradicted, JSON.stringify(contradicted, null, 1)).toEqual([]);
        expect(result.action).toBe('pass');
        expect(result.answer).toBe(c.answer);
      } else {
        for (const kind of c.errors)
          expect(
            contradicted.map((x) => x.kind),
            JSON.stringify(result.claims, null, 1),
          ).toContain(kind);
        expect(result.action).toBe('annotate');
        expect(result.answer).toContain(c.lang === 'zh' ? '核查未通过' : 'Check failed');
      }
    });
  }
});

describe('claims carry evidence', () => {
  it('a dose over the maximum cites the drug knowledge source', () => {
    const [claim] = verifyClaims({ answer: 'Losartan 200 mg once daily.' }).filter((c) => c.kind === 'dose');
    expect(claim).toMatchObject({ verdict: 'contradicted', checks: ['dose-range'] });
    expect(claim?.evidence[0]?.text).toContain('max 100 mg/d');
  });

  it('supported dose and threshold claims are reported as supported', () => {
    const claims = verifyClaims({
      answer: '氨氯地平 5 mg 每日一次。ACC/AHA 2017 stage 1 is 130–139/80–89 mmHg.',
    });
    expect(claims.map((c) => [c.kind, c.verdict])).toEqual([
      ['dose', 'supported'],
      ['bp-threshold', 'supported'],
    ]);
  });

  it('citation markers after the sentence end belong to that sentence', () => {
    const s = splitSentences('第一句。[p1] 第二句[p2]。');
    expect(s.map((x) => x.citations)).toEqual([['p1'], ['p2']]);
  });
});

describe('policy', () => {
  const bad = { answer: '氨氯地平 50 mg，每日一次。其余建议不变。', passages: PASSAGES };

  it('block withholds the answer', async () => {
    const r = await checkAnswer(bad, { policy: 'block' });
    expect(r).toMatchObject({ action: 'block', answer: '' });
  });

  it('revise without a model falls back to annotate and says so', async () => {
    const r = await checkAnswer(bad, { policy: 'revise' });
    expect(r.action).toBe('annotate');
    expect(r.notes.join()).toContain('no model is configured');
  });

  it('revise asks the model once and re-checks the revision', async () => {
    const calls: unknown[] = [];
    const r = await checkAnswer(bad, {
      policy: 'revise',
      complete: async (messages) => {
        calls.push(messages);
        return '氨氯地平 5 mg，每日一次。其余建议不变。';
      },
    });
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(calls[0])).toContain('50 mg');
    expect(r).toMatchObject({ action: 'revise', answer: '氨氯地平 5 mg，每日一次。其余建议不变。' });
    expect(r.revision?.contradicted).toBe(0);
  });

  it('a revision that is still wrong is annotated', async () => {
    const r = await checkAnswer(bad, {
      policy: 'revise',
      complete: async () => '氨氯地平 40 mg，每日一次。',
    });
    expect(r.action).toBe('annotate');
    expect(r.answer).toContain('核查未通过');
  });
});

describe('POST /guard/check', () => {
  const app = createGuardRoutes();
  it('checks an answer', async () => {
    const res = await app.request('/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 'ESH 2023 grade 1 starts at 130/80 mmHg.', passages: [] }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { summary: { contradicted: number }; action: string };
    expect(body.summary.contradicted).toBe(1);
    expect(body.action).toBe('annotate');
  });
  it('rejects bad input with 400', async () => {
    const res = await app.request('/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answer: 5 }),
    });
    expect(res.status).toBe(400);
    const res2 = await app.request('/check', { method: 'POST', body: 'nope' });
    expect(res2.status).toBe(400);
  });
});
