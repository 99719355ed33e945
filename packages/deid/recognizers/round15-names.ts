/**
 * Round 15 (issue 18), recall first (with the safety net): persons by the position they stand in.
 * English:
 * 1. after a title with initials or non-ASCII letters (Dr. M. Feinberg, Dr Tomás Ó Briain);
 * 2. a list item of two or three capitalised words before a bracketed identifier (≥ 6 digits) or a bracketed
 *    person noun (Gloria Ruiz (0077712045), Olumide Adebayo (biostatistician));
 * 3. a field value that starts with a known given name (…): Hector Alvarado   Date:);
 * 4. after a person's role noun (the scheduler, Brianna,; by driver Sione.; partner "Jonno");
 * 5. an upper-case inverted name alone on its line (ABERNATHY, CLARICE J).
 * Chinese:
 * 6. a surname-led name after a department or a role noun and before a staff verb (病案室邬桂芬核对, 骨科芶志勇会诊,
 *    犯罪嫌疑人包文杰已到案, 家长司马骏陪同).
 * Words of medicine and common capitalised words are never names (en-name-words.ts); Chinese candidates are no
 * dictionary word. Pure.
 */
import type { PhiCategory, PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { CLINICAL_WORD, NOT_NAMES } from './en-name-words.ts';
import { EN_FIRST_NAMES } from './given-names.ts';
import { surnameOf } from './zh-name-model.ts';
import { isCommonWord, isWord2 } from './zh-words.ts';

const CAP = "[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?";
const CAP_OR_LETTER = `(?:${CAP}|[A-ZÀ-ÖØ-Þ]['’]?(?=[ \\t]+[A-ZÀ-ÖØ-Þ]))`;

const TITLED = new RegExp(
  `\\b(?:Dr|Prof|Mr|Mrs|Ms)\\.?[ \\t]+((?:[A-Z]\\.[ \\t]*){1,2}${CAP}|${CAP}(?:[ \\t]+${CAP_OR_LETTER}){0,2}[ \\t]+${CAP}|${CAP})`,
  'dg',
);
const PERSON_NOUN =
  '(?:[a-z]{3,}(?:ist|ian|er|or)|postdoc|fellow|student|nurse|RN|MD|PhD|patient|son|daughter|wife|husband|mother|father|partner|sister|brother|friend|neighbou?r|carer|caregiver|PI|co-PI|coordinator)';
const BEFORE_BRACKET = new RegExp(
  `(?<=^|[,，、;；:：][ \\t]*|\\)[ \\t]*[,，][ \\t]*)(${CAP}(?:[ \\t]+${CAP}){1,2})[ \\t]*[（(](?:\\d{6,}|${PERSON_NOUN}\\b[^）)\\n]{0,30})[）)]`,
  'dgm',
);
const FIELD_VALUE = new RegExp(
  `(?<=[:：][ \\t]*)(${CAP}(?:[ \\t]+${CAP}){1,2})(?=[ \\t]{2,}|\\t|[ \\t]*$)`,
  'dgm',
);
const ROLE =
  '(?:scheduler|driver|porter|interpreter|translator|chaplain|coordinator|receptionist|caller|volunteer|carer|caregiver|partner|neighbou?r|friend|cousin|roommate|flatmate|landlord|landlady|boss|supervisor|courier|cleaner|helper|aide|student|registrar|clerk|secretary|housemate|boyfriend|girlfriend|fiancée?)';
const AFTER_ROLE = new RegExp(
  `\\b(?:[Tt]he|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir|by|with|from|to)[ \\t]+${ROLE},?[ \\t]+["“]?(${CAP}(?:[ \\t]+${CAP})?)["”]?(?=[,.;:)]|[ \\t]+[a-z(]|$)`,
  'dgm',
);
const UPPER_INVERTED = /^[ \t]*([A-Z]{2,}(?:[-'’][A-Z]+)?,[ \t]*[A-Z]{2,}(?:[ \t]+[A-Z]\.?)?)[ \t]*$/dgm;

const notName = (value: string) =>
  value
    .split(/[ \t]+/)
    .some((w) => NOT_NAMES.has(w) || CLINICAL_WORD.test(w) || /^(?:Study|Team|Date|Time|Unit|Ward)$/.test(w));

const ZH_BEFORE =
  /(?:[\u4e00-\u9fa5](?:科|室)|嫌疑人|被害人|当事人|家长|监护人|证人|代理人)[ \t　]?(?=[\u4e00-\u9fa5]{3})/g;
/** A staff verb after the name (a department before it); a role noun before it also takes a pause. */
const ZH_VERB =
  /^(?:已|核对|会诊|陪同|签字|签名|到场|到案|确认|复核|审核|接诊|查看|告知|负责|同意|拒绝|在场|送来)/;

function findZh(text: string, add: (s: number, e: number, c: PhiCategory) => void): void {
  for (const m of execAll(ZH_BEFORE, text)) {
    const at = m.index + m[0].length;
    const name = text.slice(at, at + 3);
    const surname = surnameOf(name);
    if (!surname || surname.length >= 3 || isCommonWord(name) || isWord2(name.slice(1, 3))) continue;
    const person = /人$|家长|监护/.test(m[0].trim());
    const after = text.slice(at + 3, at + 5);
    if (!ZH_VERB.test(after) && !(person && /^[，。、；（(]/.test(after))) continue;
    add(at, at + 3, person ? 'PATIENT_NAME' : 'CLINICIAN_NAME');
  }
}

/** Adds round 15's persons to `out`. */
export function findRound15Names(text: string, out: PhiSpan[]): void {
  const add = (start: number, end: number, category: PhiCategory) =>
    out.push({ category, start, end, text: text.slice(start, end) });
  if (/[\u4e00-\u9fa5]/.test(text)) findZh(text, add);
  if (!/[A-Z][a-z]/.test(text)) {
    for (const m of execAll(UPPER_INVERTED, text)) add(...m.indices![1]!, 'PATIENT_NAME');
    return;
  }
  for (const m of execAll(TITLED, text)) if (!notName(m[1]!)) add(...m.indices![1]!, 'CLINICIAN_NAME');
  for (const m of execAll(BEFORE_BRACKET, text)) if (!notName(m[1]!)) add(...m.indices![1]!, 'PATIENT_NAME');
  for (const m of execAll(FIELD_VALUE, text))
    if (EN_FIRST_NAMES.has(m[1]!.split(/[ \t]+/)[0]!) && !notName(m[1]!))
      add(...m.indices![1]!, 'PATIENT_NAME');
  for (const m of execAll(AFTER_ROLE, text)) if (!notName(m[1]!)) add(...m.indices![1]!, 'PATIENT_NAME');
  for (const m of execAll(UPPER_INVERTED, text)) add(...m.indices![1]!, 'PATIENT_NAME');
}
