/**
 * A contact that did not reach the patient (decision 0026, issue 20): the form's hand-over choice and the inbox's
 * attempt lines, added to the catalogue under `alertAttempt` by the components that use them.
 */
import { i18next } from './index.ts';
import { enAlertAttempt, zhCNAlertAttempt } from './alert-attempt-words.ts';

i18next.addResourceBundle('en', 'translation', { alertAttempt: enAlertAttempt }, true, false);
i18next.addResourceBundle('zh-CN', 'translation', { alertAttempt: zhCNAlertAttempt }, true, false);
