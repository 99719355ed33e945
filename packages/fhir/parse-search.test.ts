import { describe, expect, it } from 'vitest';
import { QihuangError } from '@qihuang/contracts';
import { parseSearch } from './parse-search.ts';

const parse = (type: string, query: string) => parseSearch(type, new URLSearchParams(query));
function error(fn: () => unknown): QihuangError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QihuangError) return e;
    throw e;
  }
  throw new Error('expected a QihuangError');
}

describe('parseSearch', () => {
  it('defaults', () => {
    expect(parse('Patient', '')).toEqual({
      resourceType: 'Patient',
      filters: [],
      count: 20,
      offset: 0,
      sort: [],
      includes: [],
      revincludes: [],
    });
  });

  it('tokens: code, system|code, |code, system|, :not, :text, OR values', () => {
    const s = parse(
      'Observation',
      'code=http://loinc.org|8480-6,|x,http://loinc.org|,abc&status:not=final&code:text=Blood%20Pressure',
    );
    expect(s.filters).toEqual([
      {
        param: 'code',
        type: 'token',
        values: [
          { system: 'http://loinc.org', code: '8480-6' },
          { system: null, code: 'x' },
          { system: 'http://loinc.org' },
          { code: 'abc' },
        ],
      },
      { param: 'status', type: 'token', modifier: 'not', values: [{ code: 'final' }] },
      { param: 'code', type: 'token', modifier: 'text', values: [{ text: 'blood pressure' }] },
    ]);
  });

  it('escaped comma and pipe in token values', () => {
    const s = parse('Patient', 'identifier=urn:x\\|y|a\\,b');
    expect(s.filters[0]?.values).toEqual([{ system: 'urn:x|y', code: 'a,b' }]);
  });

  it('dates: prefixes and partial dates → ranges', () => {
    const s = parse('Patient', 'birthdate=ge2020&birthdate=lt2020-03&birthdate=2020-03-04T10:00:00Z');
    expect(s.filters.map((f) => f.values)).toEqual([
      [{ prefix: 'ge', start: '2020-01-01T00:00:00.000Z', end: '2021-01-01T00:00:00.000Z' }],
      [{ prefix: 'lt', start: '2020-03-01T00:00:00.000Z', end: '2020-04-01T00:00:00.000Z' }],
      [{ prefix: 'eq', start: '2020-03-04T10:00:00.000Z', end: '2020-03-04T10:00:01.000Z' }],
    ]);
    expect(parse('Patient', '_lastUpdated=gt2024-01-01').filters[0]).toMatchObject({
      param: '_lastUpdated',
      type: 'date',
    });
  });

  it('strings: normalised; :exact and :contains', () => {
    const s = parse('Patient', 'family=Müller&given:exact=José&name:contains=an');
    expect(s.filters).toEqual([
      { param: 'family', type: 'string', values: [{ value: 'muller', raw: 'Müller' }] },
      { param: 'given', type: 'string', modifier: 'exact', values: [{ value: 'jose', raw: 'José' }] },
      { param: 'name', type: 'string', modifier: 'contains', values: [{ value: 'an', raw: 'an' }] },
    ]);
  });

  it('references: Type/id, bare id, absolute URL, :Type modifier, single-target inference', () => {
    const s = parse(
      'Observation',
      'subject=Patient/123&subject:Patient=456&patient=789&subject=https://x.org/fhir/Patient/1&encounter=urn:uuid:abc',
    );
    expect(s.filters.map((f) => f.values)).toEqual([
      [{ targetType: 'Patient', id: '123' }],
      [{ targetType: 'Patient', id: '456' }],
      [{ targetType: 'Patient', id: '789' }],
      [{ targetType: 'Patient', id: '1', url: 'https://x.org/fhir/Patient/1' }],
      [{ url: 'urn:uuid:abc' }],
    ]);
    expect(parse('Observation', 'subject=123').filters[0]?.values).toEqual([{ id: '123' }]);
    expect(error(() => parse('Observation', 'patient=Group/1')).message).toMatch(
      /patient cannot refer to Group/,
    );
  });

  it('quantities and numbers with prefixes and precision ranges', () => {
    const s = parse(
      'Observation',
      'value-quantity=5.4|http://unitsofmeasure.org|mmol/L&value-quantity=gt140&component-value-quantity=le90||mm[Hg]',
    );
    expect(s.filters.map((f) => f.values)).toEqual([
      [
        {
          prefix: 'eq',
          value: 5.4,
          low: 5.3500000000000005,
          high: 5.45,
          system: 'http://unitsofmeasure.org',
          code: 'mmol/L',
        },
      ],
      [{ prefix: 'gt', value: 140, low: 139.5, high: 140.5 }],
      [{ prefix: 'le', value: 90, low: 89.5, high: 90.5, code: 'mm[Hg]' }],
    ]);
    expect(parse('RiskAssessment', 'probability=gt0.8').filters[0]?.values).toEqual([
      { prefix: 'gt', value: 0.8, low: 0.75, high: 0.8500000000000001 },
    ]);
  });

  it(':missing', () => {
    expect(parse('Patient', 'birthdate:missing=true').filters).toEqual([
      { param: 'birthdate', type: 'date', modifier: 'missing', missing: true, values: [] },
    ]);
    expect(error(() => parse('Patient', 'birthdate:missing=yes')).code).toBe('invalid-input');
  });

  it('_count, _offset, _sort, _summary, _total, _elements; _format and _pretty ignored', () => {
    const s = parse(
      'Observation',
      '_count=5000&_offset=40&_sort=-date,code,_id&_summary=count&_total=accurate&_elements=id,code&_format=json&_pretty=true',
    );
    expect(s).toMatchObject({
      count: 1000,
      offset: 40,
      sort: [
        { param: 'date', descending: true },
        { param: 'code', descending: false },
        { param: '_id', descending: false },
      ],
      summary: 'count',
      total: 'accurate',
      elements: ['id', 'code'],
      filters: [],
    });
    expect(error(() => parse('Observation', '_sort=value-quantity')).issues[0]?.expression).toEqual([
      '_sort',
    ]);
    expect(error(() => parse('Observation', '_count=-1')).issues[0]?.expression).toEqual(['_count']);
  });

  it('_sort: repeated keys collapse (first direction wins), more than 3 distinct keys is a 400 naming _sort', () => {
    const repeated = Array.from({ length: 500 }, () => 'date').join(',');
    expect(parse('Observation', `_sort=${repeated}`).sort).toEqual([{ param: 'date', descending: false }]);
    expect(parse('Observation', '_sort=-date,code,date&_sort=-code,_id,-_id').sort).toEqual([
      { param: 'date', descending: true },
      { param: 'code', descending: false },
      { param: '_id', descending: false },
    ]);
    const tooMany = error(() => parse('Observation', '_sort=date,code,_id,status'));
    expect(tooMany.code).toBe('invalid-input');
    expect(tooMany.status).toBe(400);
    expect(tooMany.message).toMatch(/at most 3/);
    expect(tooMany.issues[0]?.expression).toEqual(['_sort']);
    // Across repeated _sort parameters too.
    expect(
      error(() => parse('Observation', '_sort=date,code&_sort=_id&_sort=status')).issues[0]?.expression,
    ).toEqual(['_sort']);
  });

  it('_include / _revinclude', () => {
    const s = parse(
      'Observation',
      '_include=Observation:subject&_include=Observation:encounter:Encounter&_revinclude=DiagnosticReport:result&_include:iterate=Encounter:service-provider',
    );
    expect(s.includes).toEqual([
      { sourceType: 'Observation', param: 'subject' },
      { sourceType: 'Observation', param: 'encounter', targetType: 'Encounter' },
      { sourceType: 'Encounter', param: 'service-provider', iterate: true },
    ]);
    expect(s.revincludes).toEqual([{ sourceType: 'DiagnosticReport', param: 'result' }]);
    expect(parse('Patient', '_revinclude=Observation:subject').revincludes).toEqual([
      { sourceType: 'Observation', param: 'subject' },
    ]);
    expect(error(() => parse('Observation', '_include=Observation:code')).message).toMatch(
      /not a reference parameter/,
    );
    expect(error(() => parse('Observation', '_include=Patient:organization')).message).toMatch(
      /source type must be Observation/,
    );
    expect(error(() => parse('Observation', '_include=*')).code).toBe('invalid-input');
  });

  it('errors name the parameter', () => {
    const unknown = error(() => parse('Patient', 'foo=bar'));
    expect(unknown.code).toBe('invalid-input');
    expect(unknown.message).toBe("Unknown search parameter 'foo' for Patient");
    expect(unknown.issues).toEqual([
      { severity: 'error', code: 'not-supported', message: unknown.message, expression: ['foo'] },
    ]);
    expect(error(() => parse('Patient', 'birthdate=2020-13')).message).toMatch(
      /Invalid date '2020-13' in birthdate/,
    );
    expect(error(() => parse('Patient', 'birthdate=xx2020')).message).toMatch(/Invalid prefix 'xx'/);
    expect(error(() => parse('Observation', 'value-quantity=abc')).message).toMatch(/Invalid number 'abc'/);
    expect(error(() => parse('Patient', 'family:foo=x')).message).toMatch(/Modifier ':foo' is not supported/);
    expect(error(() => parse('Observation', 'subject.name=x')).message).toMatch(/Chained parameter/);
    expect(error(() => parse('Patient', 'gender=')).message).toMatch(/Empty value/);
    expect(error(() => parse('Nope', '')).code).toBe('not-found');
  });

  it('refuses NUL and row numbers beyond the database integer, whoever calls (If-None-Exist, bundles, CLI)', () => {
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as QihuangError;
      }
      throw new Error('expected an error');
    };
    expect(error(() => parseSearch('Observation', [['code', '\0']])).code).toBe('invalid-input');
    expect(error(() => parseSearch('Observation', [['co\0de', 'x']])).code).toBe('invalid-input');
    expect(error(() => parseSearch('Observation', [['_offset', '99999999999999999999']])).code).toBe(
      'invalid-input',
    );
    expect(error(() => parseSearch('Observation', [['_count', '2147483648']])).code).toBe('invalid-input');
    expect(parseSearch('Observation', [['_offset', '2147483647']]).offset).toBe(2147483647);
  });

  it('accepts [key, value] pairs', () => {
    expect(parseSearch('Patient', [['gender', 'male']]).filters).toEqual([
      { param: 'gender', type: 'token', values: [{ code: 'male' }] },
    ]);
  });
});
