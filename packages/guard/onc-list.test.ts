/**
 * Round 7 (issue 18), an interaction attributed to the ONC high-priority list (Phansalkar 2012, REFERENCE §6): PDE-5
 * inhibitors with nitrates are not one of its 15 pairs (REFERENCE §6 correction), and no antihypertensive pair is;
 * statins with strong CYP3A4 inhibitors are (#11). Fresh sentences, both directions.
 */
import { describe, expect, it } from 'vitest';
import { verifyClaims } from './check-answer.ts';

const verdicts = (answer: string) =>
  verifyClaims({ answer, passages: [] })
    .filter((c) => c.kind === 'attribution')
    .map((c) => c.verdict);

describe('pairs said to be on the ONC high-priority list', () => {
  it('a PDE-5 inhibitor with a nitrate, or two antihypertensives, are contradicted', () => {
    expect(
      verdicts(
        'Vardenafil with isosorbide mononitrate is on the Phansalkar 2012 list of 15 high-priority interactions.',
      ),
    ).toContain('contradicted');
    expect(verdicts('ONC高优先级相互作用清单（Phansalkar 2012）包括西地那非与硝酸甘油。')).toContain(
      'contradicted',
    );
    expect(
      verdicts('The ONC high-priority list (Phansalkar 2012) includes verapamil with metoprolol.'),
    ).toContain('contradicted');
  });
  it('a statin with a strong CYP3A4 inhibitor is supported; a pair said not to be on it is not contradicted', () => {
    expect(
      verdicts('The Phansalkar 2012 high-priority list includes simvastatin with clarithromycin.'),
    ).toEqual(['supported']);
    expect(
      verdicts(
        'Sildenafil with nitrates is not one of the 15 Phansalkar 2012 pairs, although it is contraindicated.',
      ),
    ).not.toContain('contradicted');
  });
});
