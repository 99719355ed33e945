/** `POST /api/bp/patients/{id}/readings/{readingId}/entered-in-error` (decision 0020). */
import type { WithdrawAnswer } from '@qihuang/bp-monitoring/api-types';
import { request } from '../../api/client.ts';

export type { WithdrawAnswer };

export function withdrawReading(
  patientId: string,
  readingId: string,
  reason: string,
  lang: string,
): Promise<WithdrawAnswer> {
  return request<WithdrawAnswer>(
    `/api/bp/patients/${encodeURIComponent(patientId)}/readings/${encodeURIComponent(readingId)}/entered-in-error`,
    { method: 'POST', body: { reason }, query: { lang } },
  );
}
