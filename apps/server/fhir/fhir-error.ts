/** The FHIR family's error shape for the HTTP-edge kit: an R4 OperationOutcome as application/fhir+json. */
import { QihuangError, isQihuangError } from '@qihuang/contracts';
import { operationOutcome } from '@qihuang/fhir';
import { INTERNAL_MESSAGE, type ShapedError } from '@qihuang/http-edge';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** A QihuangError's issues (or one from its code) with its status and headers; anything else a bare 500. */
export function fhirError(error: unknown): ShapedError {
  const known = isQihuangError(error) ? error : new QihuangError('internal', INTERNAL_MESSAGE);
  return {
    status: known.status,
    body: operationOutcome(known),
    headers: known.headers,
    contentType: FHIR_JSON,
  };
}
