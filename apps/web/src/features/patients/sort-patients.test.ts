import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { sortByShownName } from './sort-patients.ts';

const p = (id: string, names: Patient['name']): Patient => ({ resourceType: 'Patient', id, name: names });

describe('patient list order (issue 20 item 7: sorted by the name shown, not a maiden name)', () => {
  it('orders by the shown (official) family name, then given', () => {
    const wyman = p('w', [
      { use: 'official', family: 'Wyman', given: ['Alfreda'] },
      { use: 'maiden', family: 'Abbott', given: ['Alfreda'] },
    ]);
    const baker = p('b', [{ use: 'official', family: 'Baker', given: ['Tom'] }]);
    const bakerA = p('a', [{ use: 'official', family: 'Baker', given: ['Ann'] }]);
    expect(sortByShownName([wyman, baker, bakerA], 'en').map((x) => x.id)).toEqual(['a', 'b', 'w']);
  });
  it('a zh screen orders by the Chinese name it shows', () => {
    const zhang = p('z', [
      { family: 'Zhang', given: ['Wei'] },
      { family: '张', given: ['伟'] },
    ]);
    const li = p('l', [
      { family: 'Li', given: ['Na'] },
      { family: '李', given: ['娜'] },
    ]);
    expect(sortByShownName([zhang, li], 'zh-CN').map((x) => x.id)).toEqual(['l', 'z']);
  });
});
