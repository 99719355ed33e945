/**
 * Issue 20 (IT try-out): the built-in knowledge collections (guidelines, drug monographs) were described in
 * English on the Chinese screen. Their descriptions are shown in the page language; a description an
 * administrator wrote (or changed) stays as written.
 */
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { packDescriptionKey } from './pack-descriptions.ts';

const GUIDELINES =
  'Hypertension guideline summary: ACC/AHA 2017, ESH 2023, Chinese Hypertension Guidelines 2018 and 2024; each section cites its guideline';

describe('built-in collection descriptions in the page language', () => {
  it('the pack collections with their stored description get a message key', () => {
    expect(packDescriptionKey('guidelines', GUIDELINES)).toBe('knowledgePacks.guidelines');
    expect(
      packDescriptionKey(
        'drug-monographs',
        'Antihypertensive and related drug monographs: doses, renal dosing, interactions and contraindications, each fact with its source (product labels, guidelines)',
      ),
    ).toBe('knowledgePacks.drugMonographs');
  });

  it('a description someone wrote stays as written', () => {
    expect(packDescriptionKey('guidelines', '本院高血压路径')).toBeUndefined();
    expect(packDescriptionKey('ward-notes', GUIDELINES)).toBeUndefined();
  });

  it('both languages have them, the Chinese in Chinese', () => {
    expect(zhCN.knowledgePacks.guidelines).toMatch(/\p{Script=Han}/u);
    expect(zhCN.knowledgePacks.drugMonographs).toMatch(/\p{Script=Han}/u);
    expect(en.knowledgePacks.guidelines).toBe(GUIDELINES);
  });
});
