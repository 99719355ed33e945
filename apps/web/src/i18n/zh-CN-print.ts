/** 简体中文：打印（打印按钮、每页页眉、处方笺；issue 20）。 */
import type { enPrint } from './en-print.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const zhCNPrint: Widen<typeof enPrint> = {
  print: {
    button: '打印',
    printSlip: '打印处方笺',
    printDraft: '打印草稿',
    printCarePlan: '打印管理计划',
    printSummary: '打印就诊小结',
    printedOn: '打印日期 {{date}}',
    header: '{{name}} · {{sex}} · {{age}} · 病历号 {{mrn}}',
    ageYears: '{{count}}岁',
    slip: {
      title: '处方笺',
      name: '姓名',
      sex: '性别',
      age: '年龄',
      mrn: '门诊/住院病历号',
      department: '科别',
      diagnosis: '临床诊断',
      date: '开具日期',
      rp: 'Rp',
      strength: '规格',
      dose: '单次用量',
      route: '用法',
      frequency: '频次',
      quantity: '总量',
      daysSupply: '天数',
      days: '{{count}}天',
      prescriber: '医师',
      pharmacist: '审核药师',
      reviewApproved: '{{name}} 审核通过，{{date}}',
      reviewReturned: '{{name}} 退回，{{date}}',
      notReviewed: '尚未审核',
      prescriberSigned: '{{name}}（签署于 {{date}}）',
      sigSeparator: '　',
      listSeparator: '；',
      draftWatermark: '草稿，不可作为处方',
      draftNote: '此医嘱尚未签署：未签署的草稿不能作为处方打印。',
      back: '← 返回管理页',
    },
    summary: {
      title: '就诊小结',
    },
  },
};
