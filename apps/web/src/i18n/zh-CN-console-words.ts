/** 简体中文：审计事件的文字说明、网关与管理表单的字段级错误（issue 20，IT 试用）。 */
import type { enConsoleWords } from './en-console-words.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const zhCNConsoleWords: Widen<typeof enConsoleWords> = {
  auditWords: {
    types: {
      rest: 'FHIR 请求',
      authentication: '用户认证',
      securityRoles: '用户与角色变更',
      export: '导出',
      modelCall: '模型调用',
      cdsFeedback: 'CDS 反馈',
    },
    subtypes: {
      read: '读取',
      vread: '读取版本',
      search: '搜索',
      history: '历史',
      create: '创建',
      update: '更新',
      delete: '删除',
      operation: '操作',
      transaction: '事务',
      login: '登录',
      logout: '退出登录',
      admin: '管理',
      export: '导出',
    },
    resources: {
      Patient: '患者',
      Observation: '观察记录',
      Condition: '诊断',
      MedicationRequest: '用药医嘱',
      MedicationStatement: '用药记录',
      AllergyIntolerance: '过敏',
      Flag: '警示',
      CarePlan: '照护计划',
      Practitioner: '医务人员',
      Encounter: '就诊',
      AuditEvent: '审计事件',
    },
    refused: {
      forbidden: '访问被拒绝：该用户无此权限',
      notFound: '访问被拒绝：记录不存在或该用户无权查看',
      unauthenticated: '访问被拒绝：未登录',
    },
    failedWith: '失败（{{code}}）',
    patientRef: '患者 {{id}}',
    query: '搜索{{type}}',
    chartQuery: '病历读取',
    systemObject: '查询',
    model: '模型 {{model}}',
    target: '由提供方 {{target}} 应答',
    results_one: '{{count}} 条结果',
    results_other: '{{count}} 条结果',
    timeZoneNote: '时间为 {{zone}}',
  },
};
