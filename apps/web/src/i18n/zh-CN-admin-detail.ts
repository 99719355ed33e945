/** 简体中文：网关提供方未正常的原因、来自环境变量的提供方、审计日志中的用户（issue 20）。 */
import type { enAdminDetail } from './en-admin-detail.ts';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const zhCNAdminDetail: Widen<typeof enAdminDetail> = {
  gatewayReasons: {
    'health-check-failed': '健康检查 {{check}} 失败：{{cause}}',
    'requests-failing_one': '{{count}} 次请求失败：{{cause}}',
    'requests-failing_other': '连续 {{count}} 次请求失败：{{cause}}',
    'circuit-open': '熔断已打开：在探测成功前，请求会跳过此提供方',
    'circuit-half-open': '熔断半开：下一次请求将试探此提供方',
    at: '时间 {{time}}',
    causes: {
      refused: '服务器拒绝或断开了连接（该基础 URL 上的服务是否在运行？）',
      timeout: '未在限定时间内应答',
      dns: '找不到该主机名',
      tls: 'TLS 证书未被接受',
      'http-status': '服务器返回 HTTP {{status}}',
      'model-missing': '服务器在线，但其模型列表中没有所配置的模型（请求会返回 model_not_found）',
      other: '意外错误',
    },
    technical: '技术细节',
  },
  gatewayOrigin: {
    environment: '来自 {{setting}}',
    deleteDisabled:
      '由服务器设置 {{setting}} 配置：在此删除不会生效（下次启动时会重新出现）。如需删除，请移除该设置并重启服务器；仍可在此编辑。',
  },
  auditAgent: {
    system: '系统',
    idTitle: '用户名：{{username}} · ID：{{id}}',
  },
};
