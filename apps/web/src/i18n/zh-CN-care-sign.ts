/** 中文：签署处方——确认、未处理的急症、拒绝原因（issue 20）。 */
import type { enCareSign } from './en-care-sign.ts';

export const zhCNCareSign: typeof enCareSign = {
  confirmTitle: '确认签署此处方？',
  patient: '患者',
  drug: '药物',
  dose: '剂量',
  frequency: '频次',
  days: '天数',
  quantity: '总量',
  toPharmacist: '签署后提交药师审核，审核通过后生效；审核通过前患者暂勿开始服用。',
  activeAtOnce: '签署后立即成为患者的当前用药。',
  toPharmacistReplaces:
    '签署后提交药师审核，审核通过后生效，原医嘱（{{prior}}）同时停止；审核通过前患者暂勿开始服用。',
  toPharmacistReplacesUnnamed:
    '签署后提交药师审核，审核通过后生效，被替换的原医嘱同时停止；审核通过前患者暂勿开始服用。',
  activeReplaces: '签署后立即成为患者的当前用药，原医嘱（{{prior}}）同时停止。',
  activeReplacesUnnamed: '签署后立即成为患者的当前用药，被替换的原医嘱同时停止。',
  acknowledged_one: '已确认 {{count}} 项严重审核问题。',
  acknowledged_other: '已确认 {{count}} 项严重审核问题。',
  confirm: '签署',
  back: '返回',
  emergencyLead: '未处理的急症',
  staleRefreshed: '已重新读取草稿列表。',
  errors: {
    notDraft: '此处方已不是草稿（{{status}}），不能签署或撤回。',
    withdrawnByProposal:
      '此草稿已被撤回（被新的治疗建议替代，或已在别处撤回），不能再签署；草稿列表已重新读取。',
    awaitingReview: '已签署，正在等待药师审核。',
    criticalUnacknowledged: '请先确认所有严重审核问题再签署。',
    forbidden: '您没有执行此操作的权限。',
    notFound: '未找到此处方或患者。',
    proposeFailed: '未能生成治疗建议。',
    signFailed: '处方未签署。',
    cancelFailed: '草稿未撤回。',
    network: '无法连接服务器，未做任何更改，请重试。',
    detail: '详情',
  },
  status: {
    draft: '草稿',
    active: '已签署',
    cancelled: '已撤回',
    completed: '已完成',
    stopped: '已停用',
    'on-hold': '暂停',
    'entered-in-error': '录入错误',
    unknown: '未知',
  },
};
