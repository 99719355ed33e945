import { readFileSync, readdirSync } from 'node:fs';
import { validateResource } from '../validate-resource.ts';
import { loadFhirDefinitions } from '../definitions.ts';
import { extractIndexRows } from '../index-rows.ts';
import { patientCompartmentIds } from '../patient-compartment.ts';
console.log('load ms', loadFhirDefinitions());
const all: any[] = [];
const dir = '/work/shared/data/synthea-r4/';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) { const b = JSON.parse(readFileSync(dir + f, 'utf8')); all.push(b); for (const e of b.entry) all.push(e.resource); }
const hdir = '/work/shared/data/fhir-r4-examples/';
for (const f of readdirSync(hdir).filter((f) => f.endsWith('.json'))) all.push(JSON.parse(readFileSync(hdir + f, 'utf8')));
let fails = 0;
for (const r of all) { const i = validateResource(r, { inTransaction: true }); if (i.length) { fails++; if (fails < 15) console.log(r.resourceType, r.id, JSON.stringify(i).slice(0, 600)); } }
console.log('n', all.length, 'fails', fails);
const res = all.filter((r) => r.resourceType !== 'Bundle');
for (let k = 0; k < 3; k++) { const t = performance.now(); for (const r of res) validateResource(r, { inTransaction: true }); console.log('ms/res', (performance.now() - t) / res.length); }
let t = performance.now(); for (const r of res) extractIndexRows(r); console.log('index ms/res', (performance.now() - t) / res.length);
t = performance.now(); for (const r of res) validateResource(r, { inTransaction: true, invariants: true }); console.log('with invariants ms/res', (performance.now() - t) / res.length);
console.log(JSON.stringify(extractIndexRows(res.find((r) => r.resourceType === 'Observation' && r.component)), null, 0).slice(0, 2500));
console.log(patientCompartmentIds({ resourceType: 'Observation', subject: { reference: 'Patient/1' }, performer: [{ reference: 'Patient/2' }] } as any));
