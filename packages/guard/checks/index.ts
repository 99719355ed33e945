/** The check table: one line per check. A check plugs in by implementing GuardCheck and adding a line here. */
import type { GuardCheck } from '../types.ts';
import { assertion } from './assertion/index.ts';
import { bpCompare } from './bp-compare/index.ts';
import { bpTarget } from './bp-target/index.ts';
import { bpPhenotype } from './bp-phenotype/index.ts';
import { bpThreshold } from './bp-threshold/index.ts';
import { citation } from './citation/index.ts';
import { classMembership } from './class-membership/index.ts';
import { doseRange } from './dose-range/index.ts';
import { drugCondition } from './drug-condition/index.ts';
import { gfrCategory } from './gfr-category/index.ts';
import { interaction } from './interaction/index.ts';
import { oncList } from './onc-list/index.ts';
import { renalDose } from './renal-dose/index.ts';

export const CHECKS: readonly GuardCheck[] = [
  citation, // cited passage given, and it states what the sentence says (same drugs, numbers, polarity)
  doseRange, // @qihuang/drug-knowledge usual / max doses
  renalDose, // drug renal rules × patient eGFR / CrCl (@qihuang/engines/renal-function)
  bpPhenotype, // @qihuang/engines/blood-pressure treated white-coat / masked matrix
  bpThreshold, // @qihuang/engines/blood-pressure classification
  bpCompare, // a reading against a threshold or range the answer states (arithmetic)
  bpTarget, // @qihuang/engines/blood-pressure targets
  gfrCategory, // @qihuang/engines/renal-function KDIGO
  interaction, // drug-knowledge interaction rules + preferred combinations
  drugCondition, // drug-knowledge contraindications / pregnancy / renal use
  classMembership, // drug-knowledge classes of a drug ("losartan is an ACE inhibitor")
  oncList, // a pair said to be on the ONC high-priority list (Phansalkar 2012)
  assertion, // medical statements with no check: listed as unverifiable
];
