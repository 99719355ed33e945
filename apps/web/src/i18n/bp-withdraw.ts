/**
 * The withdrawal strings (en-bp-withdraw.ts, zh-CN-bp-withdraw.ts) added to the catalogue under `bpWithdraw`
 * by the components that use them.
 */
import { i18next } from './index.ts';
import { enBpWithdraw } from './en-bp-withdraw.ts';
import { zhCNBpWithdraw } from './zh-CN-bp-withdraw.ts';

i18next.addResourceBundle('en', 'translation', { bpWithdraw: enBpWithdraw }, true, false);
i18next.addResourceBundle('zh-CN', 'translation', { bpWithdraw: zhCNBpWithdraw }, true, false);
