import { describe, expect, it } from 'vitest';
import type { PanelEntry } from '../../api/care.ts';
import { panelPriority } from './panel-priority.ts';

type Code = PanelEntry['reasons'][number]['code'];
const row = (...codes: Code[]) =>
  ({ reasons: codes.map((code) => ({ code, display: { zh: code, en: code } })), score: 123 }) as PanelEntry;

// Issue 20 try: the panel's last column read '分值 101230' — a ranking number that means nothing to a clinician.
// The column says how pressing the patient is, by the highest tier of the engine's ranking
// (packages/engines/hypertension-care/panel.ts: crisis ≫ other alerts > uncontrolled > non-adherent > overdue > drafts).
describe('panel priority', () => {
  it('the highest reason decides: crisis critical, an open alert high, above target medium, the rest low', () => {
    expect(panelPriority(row('crisis', 'alerts', 'uncontrolled'))).toBe('critical');
    expect(panelPriority(row('alerts', 'overdue'))).toBe('high');
    expect(panelPriority(row('uncontrolled', 'non-adherent'))).toBe('medium');
    expect(panelPriority(row('non-adherent'))).toBe('low');
    expect(panelPriority(row('overdue', 'drafts'))).toBe('low');
    expect(panelPriority(row('drafts'))).toBe('low');
  });
  it('no reason: nothing to do', () => {
    expect(panelPriority(row())).toBe('none');
  });
  it('a reported emergency (named apart from BP crisis alerts, issue 20) is critical', () => {
    expect(panelPriority(row('emergency', 'overdue'))).toBe('critical');
  });
  it('whatever order the reasons come in', () => {
    expect(panelPriority(row('drafts', 'crisis'))).toBe('critical');
  });
});
