/**
 * Text a user sees from the guard (issue 18): a guideline section is named in words through the one source-name
 * table (drug-knowledge sources/user-names.ts), never with "§"; a Chinese reason is Chinese throughout (the
 * simvastatin cap names the drug by the drug knowledge base's zh name).
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const run = (answer: string, lang: 'zh' | 'en') => verifyClaims({ answer, passages: [], lang } as never);
const sources = (answer: string, lang: 'zh' | 'en') =>
  run(answer, lang).flatMap((c) => (c.evidence ?? []).map((e) => e.source));

describe('bp-target evidence names the ACC/AHA 2017 section in words (ACC/AHA 2017 §8.1.5 targets)', () => {
  it('Chinese: 第 8.1.5 节; English: section 8.1.5; no "§" either way', () => {
    const zh = sources('按ACC/AHA 2017指南，一般成人降压目标为<140/90 mmHg。', 'zh');
    expect(zh).toContain('ACC/AHA 2017 高血压指南 第 8.1.5 节');
    const en = sources('Per ACC/AHA 2017, the target for most adults is <140/90 mmHg.', 'en');
    expect(en).toContain('ACC/AHA 2017 hypertension guideline section 8.1.5');
    for (const s of [...zh, ...en]) expect(s).not.toMatch(/§|REFERENCE/);
  });

  it('the other guidelines’ target sources are in the screen language', () => {
    const zh = sources('按ESH 2023指南，一般成人诊室降压目标为<150/95 mmHg。', 'zh');
    expect(zh).toContain('ESH 2023 高血压指南 降压目标');
    for (const s of zh) expect(s).toMatch(/\p{Script=Han}/u);
    const en = sources('Per the Chinese 2018 guideline the general target is <150/95 mmHg.', 'en');
    expect(en).toContain('Chinese hypertension guideline 2018, BP targets');
    for (const s of en) expect(s).not.toMatch(/\p{Script=Han}/u);
  });
});

describe('simvastatin cap with verapamil/diltiazem (simvastatin US label §2.3: max 10 mg/day)', () => {
  it('the Chinese reason names the drug and the dose in Chinese', () => {
    const c = run('维拉帕米和辛伐他汀 40 mg/d 合用没有问题。', 'zh').find((x) => x.kind === 'interaction')!;
    expect(c.verdict).toBe('contradicted');
    expect(c.reason).toContain('辛伐他汀每日 40 mg > 10 mg');
    for (const text of [c.reason, ...(c.evidence ?? []).map((e) => e.text)])
      expect(text).not.toMatch(/simvastatin|mg\/day/);
  });

  it('the English reason stays English', () => {
    const c = run('Verapamil with simvastatin 40 mg daily is fine.', 'en').find(
      (x) => x.kind === 'interaction',
    )!;
    expect(c.verdict).toBe('contradicted');
    expect(c.reason).toContain('simvastatin 40 mg/day > 10 mg/day');
    expect(c.reason).not.toMatch(/\p{Script=Han}/u);
  });
});
