import { useCallback, useState } from 'react';
import { GUIDELINE_IDS, type GuidelineId } from '../../api/index.ts';

const KEY = 'qihuang.bp.guideline';
const DEFAULT: GuidelineId = 'china-2018';

function read(): GuidelineId {
  try {
    const v = localStorage.getItem(KEY);
    return (GUIDELINE_IDS as readonly string[]).includes(v ?? '') ? (v as GuidelineId) : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

/** The guideline the clinician chose last (remembered per browser). */
export function useGuideline(): [GuidelineId, (g: GuidelineId) => void] {
  const [value, setValue] = useState<GuidelineId>(read);
  const set = useCallback((g: GuidelineId) => {
    setValue(g);
    try {
      localStorage.setItem(KEY, g);
    } catch {
      // not remembered in private mode
    }
  }, []);
  return [value, set];
}
