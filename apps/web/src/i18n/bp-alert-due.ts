/**
 * The inbox's overdue and reading strings (issue 20), added to the catalogue under `alertDue` by the component
 * that uses them (alert-overdue.tsx).
 */
import { i18next } from './index.ts';

const en = {
  overdue: 'Overdue',
  overdueSince: 'Open past the {{minutes}}-minute target since {{time}}',
  escalatedAt: 'Escalated at {{time}} (care team notified again)',
  dueBy: 'To be closed by {{time}}',
  reading: 'Blood pressure',
  reportedReading: 'BP the patient reported',
  measured: '{{value}}, measured {{time}}',
  reported: '{{value}}, reported in the consultation at {{time}}',
  consultationReport: 'reported by the patient in the consultation',
  source: 'Source',
};

const zhCN: typeof en = {
  overdue: '超时未处置',
  overdueSince: '自 {{time}} 起超过 {{minutes}} 分钟处置时限',
  escalatedAt: '已于 {{time}} 升级（再次通知医护团队）',
  dueBy: '须于 {{time}} 前处置',
  reading: '血压',
  reportedReading: '患者报告的血压',
  measured: '{{value}}，{{time}} 测量',
  reported: '{{value}}，{{time}} 在问诊中报告',
  consultationReport: '患者在问诊中报告',
  source: '来源',
};

i18next.addResourceBundle('en', 'translation', { alertDue: en }, true, false);
i18next.addResourceBundle('zh-CN', 'translation', { alertDue: zhCN }, true, false);
