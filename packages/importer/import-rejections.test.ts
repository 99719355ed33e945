/**
 * Issue 20: a rejection names the file (or the server URL that refused it) and which resource of the file failed
 * — the entry's index in its Bundle (0-based, as FHIRPath writes it), its type and id — not only the reason.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QihuangError } from '@qihuang/contracts';
import { httpTarget } from './http-target.ts';
import { importFiles, type ImportTarget } from './import-files.ts';

/** Rejects every transaction whose bundle holds a Patient with gender "blue", naming that entry like the store does. */
const strictTarget: ImportTarget = {
  async transaction(bundle) {
    const entries = (bundle.entry as { resource?: Record<string, unknown> }[]) ?? [];
    const bad = entries.findIndex((e) => e.resource?.gender === 'blue');
    if (bad >= 0) {
      const expression = `Bundle.entry[${bad}].resource.gender`;
      throw new QihuangError(
        'invalid-resource',
        `Transaction rejected: 1 problem(s); first: ${expression} Invalid code "blue"`,
        {
          issues: [
            {
              severity: 'error',
              code: 'code-invalid',
              message: 'Invalid code "blue"',
              expression: [expression],
            },
          ],
        },
      );
    }
    return { written: entries.length, byType: {}, total: entries.length };
  },
};

function files(contents: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'qihuang-import-rejections-'));
  return Object.entries(contents).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
}

const patient = (id: string, gender = 'male') => ({ resourceType: 'Patient', id, gender });

describe('import rejections name the file and the resource', () => {
  it('a Bundle: the entry index, type and id of the resource that failed', async () => {
    const [file] = files({
      'collection.json': JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { resource: patient('ok-1') },
          { resource: patient('ok-2') },
          { resource: patient('bad-3', 'blue') },
        ],
      }),
    });
    const summary = await importFiles(strictTarget, [file!]);
    expect(summary.rejected).toEqual([
      expect.objectContaining({ file, index: 2, resourceType: 'Patient', resourceId: 'bad-3' }),
    ]);
    expect(summary.rejected[0]!.reason).toContain('Invalid code "blue"');
  });

  it('NDJSON: the line, and no misleading index of the one-line retry bundle', async () => {
    const [file] = files({
      'patients.ndjson': [patient('n1'), patient('n2'), patient('n3', 'blue')]
        .map((p) => JSON.stringify(p))
        .join('\n'),
    });
    const summary = await importFiles(strictTarget, [file!]);
    expect(summary.rejected).toHaveLength(1);
    const [rejection] = summary.rejected;
    expect(rejection).toMatchObject({ file, line: 3, resourceType: 'Patient', resourceId: 'n3' });
    expect(rejection!.index).toBeUndefined();
    expect(rejection!.reason).not.toContain('entry[0]');
  });

  it('through a server: the URL that answered, and the entry index from its OperationOutcome', async () => {
    const fetchImpl = (async () =>
      new Response(
        JSON.stringify({
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'error',
              code: 'code-invalid',
              diagnostics: 'Invalid code "blue"',
              expression: ['Bundle.entry[1].resource.gender'],
            },
          ],
        }),
        { status: 422, headers: { 'Content-Type': 'application/fhir+json' } },
      )) as typeof fetch;
    const target = httpTarget('http://fhir.example:8080/', 'token', fetchImpl);
    const [file] = files({
      'two.json': JSON.stringify({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: patient('s1') }, { resource: patient('s2', 'blue') }],
      }),
    });
    const summary = await importFiles(target, [file!]);
    expect(summary.rejected).toEqual([
      expect.objectContaining({
        file,
        url: 'http://fhir.example:8080/fhir/R4',
        index: 1,
        resourceType: 'Patient',
        resourceId: 's2',
      }),
    ]);
    expect(summary.rejected[0]!.reason).toContain('422');
    expect(summary.rejected[0]!.reason).toContain('Bundle.entry[1].resource.gender');
  });
});
