/** The pharmacist's screen: one language, sources named by guideline/label and section, no internal references. */
import { describe, expect, it } from 'vitest';
import { SOURCES } from '@qihuang/drug-knowledge';
import type { Finding } from '@qihuang/engines/prescription-review';
import { languageOf, localizeFinding, withoutInternalReferences } from './localize.ts';

const INTERNAL = /REFERENCE|UNVERIFIED|未核实|\.md|\.csv|Qihuang|loaded at start-up/i;

const finding = (source: string): Finding => ({
  id: 'metformin-egfr30:MedicationRequest/x',
  ruleId: 'metformin-egfr30',
  type: 'renal',
  severity: 'critical',
  summary: { en: 'metformin at eGFR 17: contraindicated', zh: '二甲双胍（eGFR 17）：禁用' },
  detail: {
    en: 'Contraindicated at eGFR <30. Renal function: eGFR 17 (CKD-EPI 2021 from creatinine 2.9 mg/dL).',
    zh: 'eGFR<30禁用。肾功能：eGFR 17 (CKD-EPI 2021 from creatinine 2.9 mg/dL)；CrCl 20 (Cockcroft–Gault)。',
  },
  drugs: ['metformin'],
  evidence: { orders: [], facts: [] },
  source: { id: source, label: SOURCES[source]!.label, citation: SOURCES[source]!.citation },
});

describe('localizeFinding', () => {
  it('names every knowledge-base source without internal references, in the screen language', () => {
    for (const id of Object.keys(SOURCES)) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const f = localizeFinding(finding(id), lang);
        const shown = `${f.source.label} ${f.source.citation ?? ''}`;
        expect(shown, `${id} ${lang}`).not.toMatch(INTERNAL);
        expect(f.source.label.length, id).toBeGreaterThan(2);
        if (lang === 'zh-CN') expect(f.source.citation).toBeUndefined();
      }
    }
    expect(localizeFinding(finding('label-spironolactone'), 'zh-CN').source.label).toMatch(/螺内酯/);
    expect(localizeFinding(finding('formulary'), 'zh-CN').source.label).toBe('本院处方集');
  });

  it('does not print a citation that repeats the name (Lapi et al. BMJ 2013)', () => {
    for (const id of Object.keys(SOURCES)) {
      const { label, citation } = localizeFinding(finding(id), 'en').source;
      if (/Lapi/.test(label)) expect(citation, id).toBeUndefined();
      if (citation) expect(label, id).not.toContain(citation);
    }
  });

  it('names a source once on the en screen: the user-facing name, no citation restating it (issue 20)', () => {
    for (const id of Object.keys(SOURCES)) {
      const { label, citation } = localizeFinding(finding(id), 'en').source;
      expect(citation, `${id}: ${label} — ${citation}`).toBeUndefined();
    }
    const gout = localizeFinding(finding('ref-5.2'), 'en').source;
    expect(gout.label).toMatch(/^ACC\/AHA 2017 Table 18; ESH 2023 \(/);
    const zhGout = localizeFinding(finding('ref-5.2'), 'zh-CN').source;
    expect(zhGout.label).toMatch(/ESH 2023（/);
  });

  it('answers Chinese text in Chinese (renal basis) and English text in English', () => {
    const zh = localizeFinding(finding('label-metformin'), 'zh-CN');
    expect(zh.summary).toBe('二甲双胍（eGFR 17）：禁用');
    expect(zh.detail).toContain('eGFR 17（CKD-EPI 2021公式，血肌酐 2.9 mg/dL）');
    expect(zh.detail).toContain('CrCl 20（Cockcroft–Gault公式）');
    expect(zh.detail).not.toMatch(/from creatinine/);
    const en = localizeFinding(finding('label-metformin'), 'en');
    expect(en.summary).toBe('metformin at eGFR 17: contraindicated');
    expect(en.source.label).toMatch(/FDA Drug Safety Communication 2016-04-08/);
  });

  it('strips internal references from free text', () => {
    expect(
      withoutInternalReferences('REFERENCE §6 row 3 and §5.3 potassium thresholds (labels; ESC HF 2021)'),
    ).toBe('potassium thresholds (labels; ESC HF 2021)');
    expect(withoutInternalReferences('CrCl <40: start 1.25 mg (UNVERIFIED)')).toBe('CrCl <40: start 1.25 mg');
    expect(withoutInternalReferences('CrCl<40：起始1.25 mg（未核实）')).toBe('CrCl<40：起始1.25 mg');
  });

  it('takes the language from ?lang, then Accept-Language, else zh-CN', () => {
    expect(languageOf('en', 'zh-CN')).toBe('en');
    expect(languageOf(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(languageOf(undefined, 'fr, zh;q=0.5')).toBe('zh-CN');
    expect(languageOf()).toBe('zh-CN');
  });
});
