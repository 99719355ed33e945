/**
 * Round 13 (issue 18): the general mechanisms built on tuning-6's study (docs/notes/deid-tuning6-study-2026-12-08.md),
 * run with the safety net. Pure.
 */
import type { PhiSpan } from '../types.ts';
import { findTableColumns } from './round13-tables.ts';
import { findRound13ChineseNames } from './round13-zh.ts';
import { findRound13English } from './round13-en.ts';
import { findRound13Shapes } from './round13-shapes.ts';

const HAN = /[\u4e00-\u9fa5]/;

/** Adds round 13's identifiers to `out`. */
export function findRound13(text: string, out: PhiSpan[]): void {
  findTableColumns(text, out); // pipe tables read by their header
  if (HAN.test(text)) findRound13ChineseNames(text, out); // persons by position and by shape
  findRound13English(text, out); // roles, credentials, HK names, month/day dates, shapes
  findRound13Shapes(text, out); // document numbers, accounts, plates, employers, addresses extended
}
