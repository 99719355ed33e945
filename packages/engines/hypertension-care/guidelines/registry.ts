/** The guideline editions the treatment engine knows: one row per edition (one folder each). */
import type { Guideline } from '../types.ts';
import { ACC_AHA_2017 } from './acc-aha-2017/index.ts';
import { CHINA_2018 } from './china-2018/index.ts';
import { CHINA_2024 } from './china-2024/index.ts';
import { ESH_2023 } from './esh-2023/index.ts';
import type { GuidelineEdition } from './types.ts';

export const GUIDELINE_EDITIONS: Readonly<Record<Guideline, GuidelineEdition>> = {
  'acc-aha-2017': ACC_AHA_2017,
  'esh-2023': ESH_2023,
  'china-2018': CHINA_2018,
  'china-2024': CHINA_2024,
};

export function editionFor(g: Guideline): GuidelineEdition {
  return GUIDELINE_EDITIONS[g];
}
