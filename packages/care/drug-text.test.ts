import { describe, expect, it } from 'vitest';
import { createDrugKnowledgeBase } from '@qihuang/drug-knowledge';
import { drugNamesIn, drugTextIn, proposalDrugNames, proposalNote } from './drug-text.ts';

const drugs = createDrugKnowledgeBase();

describe('drugTextIn (issue 20 item 3: drug names in the screen language)', () => {
  it('writes the knowledge base zh name on a Chinese screen, strength kept', () => {
    expect(drugTextIn('amlodipine 5 mg', 'zh', drugs)).toBe('氨氯地平 5 mg');
    expect(drugTextIn('Losartan 50 mg', 'zh', drugs)).toBe('氯沙坦 50 mg');
    expect(drugTextIn('amlodipine 5 mg', 'zh', drugs, 'amlodipine')).toBe('氨氯地平 5 mg');
  });
  it('puts a salt in front, as Chinese drug names do', () => {
    expect(drugTextIn('Amlodipine besylate 5 mg tablet', 'zh', drugs)).toBe('苯磺酸氨氯地平 5 mg 片');
  });
  it('metal salts go after the name, dose forms in Chinese (氯沙坦钾 50 mg 片)', () => {
    expect(drugTextIn('Losartan potassium 50 mg oral tablet', 'zh', drugs)).toBe('氯沙坦钾 50 mg 片');
    expect(drugTextIn('hydrochlorothiazide 25 MG', 'zh', drugs)).toBe('氢氯噻嗪 25 mg');
  });
  it('names every drug of a line', () => {
    const line = drugTextIn('amlodipine 5 mg + hydrochlorothiazide 12.5 mg', 'zh', drugs);
    expect(line).toBe('氨氯地平 5 mg + 氢氯噻嗪 12.5 mg');
  });
  it('leaves English screens, Chinese text and unknown names as written', () => {
    expect(drugTextIn('amlodipine 5 mg', 'en', drugs)).toBe('amlodipine 5 mg');
    expect(drugTextIn('氨氯地平 5 mg', 'zh', drugs)).toBe('氨氯地平 5 mg');
    expect(drugTextIn('vitamin Q 5 mg', 'zh', drugs)).toBe('vitamin Q 5 mg');
  });
  it('every salt form of every drug reads as the knowledge base names it in Chinese (氯沙坦钾, 苯磺酸氨氯地平)', () => {
    const salted = drugs.drugs.filter((d) => (d.salts ?? []).length > 0);
    expect(salted.length).toBeGreaterThan(40);
    for (const drug of salted) {
      for (const salt of drug.salts ?? []) {
        expect(salt.zhName, `${drug.id} ${salt.en}`).toBeTruthy();
        expect(
          drugTextIn(`${drug.names.en} ${salt.en} 5 mg`, 'zh', drugs, drug.id),
          `${drug.id} ${salt.en}`,
        ).toBe(`${salt.zhName} 5 mg`);
      }
    }
    const byId = (id: string, en: string) => drugs.getDrug(id)?.salts?.find((s) => s.en === en)?.zhName;
    expect(byId('losartan', 'potassium')).toBe('氯沙坦钾');
    expect(byId('amlodipine', 'besylate')).toBe('苯磺酸氨氯地平');
    expect(byId('candesartan', 'cilexetil')).toBe('坎地沙坦酯');
    expect(byId('benzylpenicillin', 'benzathine')).toBe('苄星青霉素');
  });
  it('names the drugs of a label source already put in Chinese (美国说明书：氨氯地平 5 mg 每日一次), issue 20 item 3', () => {
    expect(drugNamesIn('美国说明书：amlodipine 5 mg 每日一次', 'zh', drugs)).toBe(
      '美国说明书：氨氯地平 5 mg 每日一次',
    );
    expect(drugNamesIn('US label: amlodipine 5 mg qd', 'en', drugs)).toBe('US label: amlodipine 5 mg qd');
    const proposal = {
      source: '美国说明书：losartan 50 mg 每日一次；ESH 2023',
      orders: [{ source: '美国说明书：amlodipine 5 mg 每日一次' }],
    };
    const named = proposalDrugNames(proposal, 'zh', drugs);
    expect(named.orders[0]!.source).toBe('美国说明书：氨氯地平 5 mg 每日一次');
    expect(named.source).toBe('美国说明书：氯沙坦 50 mg 每日一次；ESH 2023');
    expect(proposalDrugNames(proposal, 'en', drugs)).toBe(proposal);
  });
  it('the system-written order note is stored in both languages (issue 20 item 2: "开方备注：Engine proposal …")', () => {
    const note = proposalNote(
      { source: 'US label: amlodipine 5 mg qd', rationale: { zh: '一线药物', en: 'first-line drug' } },
      drugs,
    );
    expect(note.text).toBe('Engine proposal (US label: amlodipine 5 mg qd): first-line drug');
    const zh = note._text.extension[0]!.extension.find((e) => e.url === 'content')?.valueString;
    expect(zh).toBe('引擎建议（美国说明书：氨氯地平 5 mg 每日一次）：一线药物');
  });
});
