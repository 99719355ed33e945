/**
 * The pharmacist card's allergy line (issue 20): a try read "青霉素、吃得比较咸（患者自述，未确认）" as if penicillin,
 * which the clinician had confirmed, were still unconfirmed. Confirmed allergies come first with no mark; each
 * unconfirmed one carries its own mark after them; a substance confirmed in one record and still unconfirmed in
 * another (two intakes) is shown once, as confirmed.
 */
import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { cardPatient } from './patient-context.ts';

const drugs = createDrugKnowledgeBase();
const context = (allergies: { text: string; textZh?: string; unconfirmed?: boolean }[]) => ({
  conditions: [],
  medications: [],
  labs: {},
  allergies: allergies.map((a) => ({ codes: [], ...a })),
});

describe('the card allergy line', () => {
  it('lists confirmed allergies first, unmarked, and marks each unconfirmed one', () => {
    const card = cardPatient(
      {},
      context([
        { text: 'Shrimp', textZh: '虾', unconfirmed: true },
        { text: 'Penicillin', textZh: '青霉素' },
      ]),
      drugs,
      'zh-CN',
    );
    expect(card.allergies).toEqual(['青霉素', '虾（患者自述，未确认）']);
  });

  it('a substance confirmed once is shown once, as confirmed', () => {
    const card = cardPatient(
      {},
      context([
        { text: 'Penicillin', textZh: '青霉素', unconfirmed: true },
        { text: 'Penicillin', textZh: '青霉素' },
      ]),
      drugs,
      'zh-CN',
    );
    expect(card.allergies).toEqual(['青霉素']);
    const en = cardPatient(
      {},
      context([{ text: 'Penicillin', unconfirmed: true }, { text: 'penicillin' }]),
      drugs,
      'en',
    );
    expect(en.allergies).toEqual(['penicillin']);
  });
});
