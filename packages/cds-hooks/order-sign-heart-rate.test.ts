/**
 * Issue 18/20: order-sign raises what REFERENCE states for a β-blocker at a low heart rate (§5.2: bradycardia
 * "HR <50–60" is a contraindication) and for trimethoprim with an ACE inhibitor (§6 row 3: hyperkalaemia, major,
 * check K⁺). The heart rate (LOINC 8867-4) is in the prefetch so a CDS client sends it.
 */
import { describe, expect, it } from 'vitest';
import { PRESCRIPTION_PREFETCH, type CdsCard } from './index.ts';
import { app, expectValidCard, SIGN } from './testing.ts';

const bundle = (resources: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});
const order = (id: string, text: string, status: 'draft' | 'active') => ({
  resourceType: 'MedicationRequest',
  id,
  status,
  intent: 'order',
  subject: { reference: 'Patient/h9' },
  medicationCodeableConcept: { text },
});
const observation = (id: string, loinc: string, value: number, unit: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
  subject: { reference: 'Patient/h9' },
  effectiveDateTime: '2026-11-24T08:00:00Z',
  valueQuantity: { value, unit },
});

async function sign(draft: string, observations: unknown[], active: unknown[] = []) {
  const response = await app().request(SIGN, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({
      hookInstance: 'h9',
      hook: 'order-sign',
      context: {
        userId: 'Practitioner/dr',
        patientId: 'h9',
        draftOrders: bundle([order('new', draft, 'draft')]),
      },
      prefetch: {
        patient: { resourceType: 'Patient', id: 'h9', gender: 'male', birthDate: '1958-05-01' },
        conditions: null,
        allergies: null,
        observations: bundle(observations),
        medicationRequests: bundle(active),
        medicationStatements: null,
      },
    }),
  });
  expect(response.status).toBe(200);
  const { cards } = (await response.json()) as { cards: CdsCard[] };
  for (const card of cards) expectValidCard(card);
  return cards;
}

describe('order-sign: heart rate and trimethoprim', () => {
  it('asks for the heart rate in its prefetch', () => {
    expect(PRESCRIPTION_PREFETCH.observations).toContain('http://loinc.org|8867-4');
  });

  it('HR 48 with a metoprolol draft: a critical contraindication card naming the rate', async () => {
    const cards = await sign('Metoprolol tartrate 25 mg bid', [observation('hr', '8867-4', 48, '/min')]);
    const card = cards.find((c) => /heart rate 48/.test(c.summary));
    expect(card, JSON.stringify(cards.map((c) => c.summary))).toBeDefined();
    expect(card!.indicator).toBe('critical');
    expect(card!.summary).toMatch(/contraindicated/);
  });

  it('HR 72 with the same draft: no heart-rate card', async () => {
    const cards = await sign('Metoprolol tartrate 25 mg bid', [observation('hr', '8867-4', 72, '/min')]);
    expect(cards.filter((c) => /heart rate/.test(c.summary))).toEqual([]);
  });

  it('trimethoprim drafted for a patient on lisinopril with K⁺ 5.4: a hyperkalaemia warning card', async () => {
    const cards = await sign(
      'Trimethoprim 200 mg bid',
      [observation('k', '2823-3', 5.4, 'mmol/L')],
      [order('acei', 'Lisinopril 20 mg qd', 'active')],
    );
    const card = cards.find((c) => /potassium|hyperkal/i.test(c.summary));
    expect(card, JSON.stringify(cards.map((c) => c.summary))).toBeDefined();
    expect(card!.indicator).toBe('warning');
  });
});
