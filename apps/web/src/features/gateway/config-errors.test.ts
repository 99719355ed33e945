/**
 * Issue 20 (IT try-out): the gateway's JSON form showed zod's raw text ("providers[1].kind: Invalid option:
 * expected one of …; providers[1].baseUrl: Invalid input: expected string, received undefined") on a Chinese
 * screen. Each problem becomes a field-level message in the page language; the raw text stays as detail.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { configErrorLines, parseConfigErrors } from './config-errors.ts';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: 'zh-CN',
  interpolation: { escapeValue: false },
});
type T = (k: string, o?: Record<string, unknown>) => string;
const zh = i18n.getFixedT('zh-CN') as unknown as T;
const enT = i18n.getFixedT('en') as unknown as T;

const RAW =
  'gateway config: providers[1].kind: Invalid option: expected one of "openai-compatible"|"vllm"|"sglang"|"ollama"|"llama-cpp"|"xinference"|"deepseek"|"qwen"; providers[1].baseUrl: Invalid input: expected string, received undefined; providers[1].model: Invalid input: expected string, received undefined; providers[1].location: Invalid option: expected one of "on-premises"|"cloud"';

describe('gateway config errors by field', () => {
  it('parses each zod problem into field, kind and options', () => {
    const errors = parseConfigErrors(RAW);
    expect(errors.map((e) => [e.field, e.problem])).toEqual([
      ['kind', 'choice'],
      ['baseUrl', 'missing'],
      ['model', 'missing'],
      ['location', 'choice'],
    ]);
    expect(errors[3]?.options).toEqual(['on-premises', 'cloud']);
  });

  it('words them in Chinese, no English left but the codes themselves', () => {
    const lines = configErrorLines(RAW, zh);
    expect(lines[0]).toBe(
      '类型（kind）：请选择其一：openai-compatible、vllm、sglang、ollama、llama-cpp、xinference、deepseek、qwen',
    );
    expect(lines[1]).toBe('基础 URL（baseUrl）：必填');
    expect(lines[3]).toBe('部署位置（location）：请选择其一：on-premises、cloud');
    for (const line of lines) expect(line).not.toMatch(/Invalid|expected|received/);
  });

  it('in English too; an unknown message stays a single line', () => {
    expect(configErrorLines(RAW, enT)[1]).toBe('Base URL (baseUrl): required');
    expect(configErrorLines('provider "x" already exists', zh)).toEqual([]);
  });
});
