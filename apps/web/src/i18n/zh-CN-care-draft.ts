/** 中文：修改处方草稿、草稿分组、待药师审核的处方笺（issue 20）。 */
import type { enCareDraft } from './en-care-draft.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const zhCNCareDraft: Widen<typeof enCareDraft> = {
  sectionTitle: '处方',
  groups: {
    toSign: '待签署的处方草稿',
    awaiting: '待药师审核',
    awaitingHint: '已签署，正在药师处审核：尚不是患者的在用药物；审核通过后才能打印处方笺。',
    approved: '药师已审核通过',
    done: '本页已签署或撤回',
  },
  approvedBy: '药师 {{name}} 于 {{date}} 审核通过',
  afterApproval: '药师审核通过（{{date}}）后出现，不属于审核通过的内容',
  afterApprovalResult: '药师审核通过（{{date}}）后出现，依据 {{at}} 的检验结果，不属于审核通过的内容',
  edit: '修改剂量与用量',
  editTitle: '修改 {{drug}}',
  dose: '单次剂量',
  unit: '单位',
  frequency: '频次',
  days: '天数',
  quantity: '总量',
  quantityAuto: '自动计算',
  quantityHint: '留空则按规格（{{strengths}} {{unit}}）自动计算片数。',
  quantityHintNone: '留空则不填写总量，由药房计算。',
  strengths: '规格：{{strengths}} {{unit}}',
  maxDaily: '每日最大剂量 {{value}} {{unit}}',
  save: '保存修改',
  cancel: '取消',
  saved: '已保存，并已按新剂量重新审核。',
  supply: '总量 {{quantity}} · {{days}} 天',
  supplyDays: '{{days}} 天',
  changeDoseDone: '{{drug}} {{from}} → {{to}}（原医嘱已停止）',
  changeFromToDone: '由 {{from}} 换为 {{to}}（原医嘱已停止）',
  afterReturn: '修改后此处方不再是“已退回”：需要重新签署，再次提交药师审核。',
  errors: {
    aboveMax: '未保存：每日 {{daily}} {{unit}}，超过每日最大剂量 {{max}} {{unit}}。',
    dose: '请填写大于 0 的剂量。',
    days: '天数须为 1 到 {{max}} 的整数。',
    quantity: '总量须为大于 0 的整数，或留空。',
    invalid: '未保存：服务器拒绝了这些数值。',
    failed: '修改未保存。',
  },
  slip: {
    awaitingNote: '已签署，待药师审核：审核通过前不能作为处方调配。',
    awaitingWatermark: '待药师审核，不可调配',
  },
};
