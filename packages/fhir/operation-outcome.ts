import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { isQihuangError, type ErrorCode, type Issue } from '@qihuang/contracts';

/** R4 IssueType codes (valueset-issue-type). */
export const ISSUE_TYPES = new Set([
  'invalid',
  'structure',
  'required',
  'value',
  'invariant',
  'security',
  'login',
  'unknown',
  'expired',
  'forbidden',
  'suppressed',
  'processing',
  'not-supported',
  'duplicate',
  'multiple-matches',
  'not-found',
  'deleted',
  'too-long',
  'code-invalid',
  'extension',
  'too-costly',
  'business-rule',
  'conflict',
  'transient',
  'lock-error',
  'no-store',
  'exception',
  'timeout',
  'incomplete',
  'throttled',
  'informational',
]);

/** IssueType for an error without issues of its own. */
const ERROR_ISSUE_TYPE: Record<ErrorCode, OperationOutcomeIssue['code']> = {
  'invalid-input': 'invalid',
  'invalid-resource': 'invalid',
  'not-found': 'not-found',
  gone: 'deleted',
  conflict: 'conflict',
  'version-conflict': 'conflict',
  'precondition-failed': 'conflict',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  'too-large': 'too-costly',
  'rate-limited': 'throttled',
  'not-supported': 'not-supported',
  unavailable: 'transient',
  'model-not-configured': 'not-supported',
  'upstream-error': 'exception',
  'database-locked': 'lock-error',
  internal: 'exception',
};

function toIssue(issue: Issue): OperationOutcomeIssue {
  const code = (ISSUE_TYPES.has(issue.code) ? issue.code : 'invalid') as OperationOutcomeIssue['code'];
  return {
    severity: issue.severity,
    code,
    details: { text: issue.message },
    diagnostics: issue.message,
    ...(issue.expression?.length ? { expression: issue.expression } : {}),
  };
}

/**
 * An R4 OperationOutcome from issues, a QihuangError (its issues, or one issue from its code and message), or
 * any other error (one `exception` issue; the message is NOT included unless `exposeMessage`, since internal
 * errors may carry data). Issue codes that are not IssueType codes become `invalid`.
 */
export function operationOutcome(
  source: Issue[] | unknown,
  options: { exposeMessage?: boolean; id?: string } = {},
): OperationOutcome {
  let issues: OperationOutcomeIssue[];
  if (Array.isArray(source)) issues = (source as Issue[]).map(toIssue);
  else if (isQihuangError(source)) {
    issues = source.issues.length
      ? source.issues.map(toIssue)
      : [
          {
            severity: 'error',
            code: ERROR_ISSUE_TYPE[source.code],
            details: { text: source.message },
            diagnostics: source.message,
          },
        ];
  } else {
    const text = options.exposeMessage && source instanceof Error ? source.message : 'Internal server error';
    issues = [{ severity: 'error', code: 'exception', details: { text } }];
  }
  if (issues.length === 0)
    issues = [{ severity: 'information', code: 'informational', details: { text: 'All OK' } }];
  return { resourceType: 'OperationOutcome', ...(options.id ? { id: options.id } : {}), issue: issues };
}

/** An informational OperationOutcome (e.g. for successful DELETE or `$validate` with no issues). */
export function informationOutcome(message: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'information', code: 'informational', details: { text: message }, diagnostics: message },
    ],
  };
}
