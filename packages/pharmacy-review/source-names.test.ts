/**
 * One language per screen: every source the drug knowledge base can cite (each fact's source is checked to be
 * in SOURCES by drug-knowledge's own test) has a display name in zh-CN and in en, and the source line the
 * pharmacist sees is wholly in the screen's language, without internal references or file names.
 */
import { describe, expect, it } from 'vitest';
import { SOURCES } from '@qihuang/drug-knowledge';
import type { Finding } from '@qihuang/engines/prescription-review';
import { localizeFinding } from './localize.ts';
import { SOURCE_NAMES } from './source-names.ts';

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
const HAN = /\p{Script=Han}/u;
const INTERNAL = /REFERENCE|UNVERIFIED|Qihuang/i;
const FILE_NAME = /[\w-]+\.(?:md|csv|tsv|json|ndjson|ts|js|txt|ya?ml|xlsx?)\b/i;

const finding = (id: string): Finding => ({
  id: `x:${id}`,
  ruleId: 'x',
  type: 'contraindication',
  severity: 'critical',
  summary: { en: 'x', zh: '某' },
  detail: { en: 'x', zh: '某' },
  drugs: [],
  evidence: { orders: [], facts: [] },
  source: { id, label: SOURCES[id]!.label, citation: SOURCES[id]!.citation },
});

const ids = Object.keys(SOURCES);

describe('source display names', () => {
  it('walks a non-trivial knowledge base', () => {
    expect(ids.length).toBeGreaterThan(30);
  });

  it.each(ids)('%s is named in zh-CN and en', (id) => {
    const named = SOURCE_NAMES[id];
    expect(named, `${id} has no display name`).toBeDefined();
    expect(named!.en, id).not.toMatch(CJK);
    // Chinese, though guideline names may keep their Latin acronyms (ACC/AHA, ESH, KDIGO).
    expect(named!.zh, id).toMatch(HAN);
    for (const name of [named!.en, named!.zh]) {
      expect(name.trim().length, id).toBeGreaterThan(2);
      expect(name, id).not.toMatch(INTERNAL);
      expect(name, id).not.toMatch(FILE_NAME);
    }
  });

  it.each(ids)('%s: the source line shown is in the screen language only', (id) => {
    const en = localizeFinding(finding(id), 'en').source;
    const enLine = `${en.label} ${en.citation ?? ''}`;
    expect(enLine, id).not.toMatch(CJK);
    const zh = localizeFinding(finding(id), 'zh-CN').source;
    expect(zh.label, id).toMatch(HAN);
    expect(zh.citation, id).toBeUndefined();
    for (const line of [enLine, zh.label]) {
      expect(line, id).not.toMatch(INTERNAL);
      expect(line, id).not.toMatch(FILE_NAME);
    }
  });
});
