/**
 * Round 16 (issue 18): English field values whose surname is no English word. A line's field value of exactly
 * two capitalised words ("Impartial witness (interpreter used): Hector Alvarado   Date: …") is a person when its
 * last word is in no English dictionary (word-list 4.1.0, MIT, 274k words, read once, lazily, from node_modules)
 * and neither word is a clinical term, a drug name or a never-name word; labels naming things rather than people
 * (Organism, Device, Diagnosis, Statistics …) are refused. Without the word list the rule is off.
 * Pure: behaviour is a function of the text.
 */
import type { PhiSpan } from '../types.ts';
import { execAll } from './collect.ts';
import { englishWords, isEnglishWord } from './en-dictionary.ts';
import { isClinicalEn } from './round16-related.ts';

/** Labels of things, not people: their values are organisms, devices, diagnoses, places, methods. */
const THING_LABEL =
  /\b(?:organisms?|species|strain|isolate|culture|device|model|brand|manufacturer|maker|make|diagnos[ie]s|impression|problem|plan|section|heading|statistics?|methods?|design|setting|results?|conclusions?|background|objectives?|aims?|test|assay|drugs?|medications?|medicines?|procedure|operation|syndrome|disease|condition|sign|score|scale|criteria|classification|trial|study|protocol|location|site|ward|unit|hospital|clinic|department|service|practice|surgery|school|employer|company|organi[sz]ation|city|town|county|country|state|street|address|suburb|region|language|ethnicity|religion|nationality|title|subject|topic|category|type|route|form|status|allergy|allergies|vaccine|product|lab|laboratory|pharmacy|insurer|plan|payer)\b[^:：]*$/i;
/** A line's label, a colon, and a value of two capitalised words that ends there (two spaces, a tab, the line end). */
const FIELD_PAIR =
  /^([^\n:：]{2,80})[:：][ \t]*([A-Z][a-z'’-]{2,})[ \t]([A-Z][a-z'’-]{3,})(?=[ \t]{2,}|\t|[ \t]*(?:\n|$)|[ \t]*[;|])/gm;

/** Spans of two-word field values whose surname is no English word. */
export function findFieldValueNames(text: string, out: PhiSpan[]): void {
  if (!text.includes(':') && !text.includes('：')) return;
  FIELD_PAIR.lastIndex = 0;
  if (!FIELD_PAIR.test(text)) return;
  if (englishWords() === null) return;
  for (const m of execAll(FIELD_PAIR, text)) {
    const [label, first, last] = [m[1]!, m[2]!, m[3]!];
    if (THING_LABEL.test(label.replace(/\([^)]*\)/g, ''))) continue;
    if (isEnglishWord(last) || isClinicalEn(first) || isClinicalEn(last)) continue;
    const start = m.index + m[0].length - first.length - 1 - last.length;
    out.push({
      category: 'PATIENT_NAME',
      start,
      end: m.index + m[0].length,
      text: text.slice(start, m.index + m[0].length),
    });
  }
}
