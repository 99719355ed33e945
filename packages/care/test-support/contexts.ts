/**
 * Request contexts the care tests sign, review and seed with: the system (seeding), a clinician (`doc`) and a
 * pharmacist (`rx`) with the scopes their roles have. Test helper only (never imported by production code).
 */
import { SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';

export const systemContext: RequestContext = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
export const doctorContext: RequestContext = {
  requestId: 'doc',
  principal: { id: 'u-doc', kind: 'user', username: 'doc', role: 'clinician', scopes: ['user/*.*'] },
};
export const pharmacistContext: RequestContext = {
  requestId: 'rx',
  principal: {
    id: 'u-rx',
    kind: 'user',
    username: 'rx',
    role: 'pharmacist',
    scopes: ['user/*.read', 'user/MedicationRequest.write'],
  },
};
