/**
 * Versioned prompt templates: the text sent for each item kind. A run stores `promptVersion`; changing any
 * wording here means a new version (add a new entry, keep the old one for reproduction).
 */
import { QihuangError } from '@qihuang/contracts';
import type { ChatMessage, EvalItem, MultipleChoiceItem } from '../suites/suite-types.ts';

export const PROMPT_VERSIONS = ['v1'] as const;
export type PromptVersion = (typeof PROMPT_VERSIONS)[number];
export const DEFAULT_PROMPT_VERSION: PromptVersion = 'v1';

const isChinese = (text: string) => /[\p{Script=Han}]/u.test(text);

function multipleChoice(item: MultipleChoiceItem): string {
  const zh = item.metadata?.language ? item.metadata.language === 'zh' : isChinese(item.question);
  const context = item.context?.length ? `${item.context.join('\n')}\n\n` : '';
  if (item.style === 'words') {
    return zh
      ? `${context}问题：${item.question}\n请用 yes、no 或 maybe 回答，最后一行写“答案：yes/no/maybe”。`
      : `${context}Question: ${item.question}\nAnswer yes, no or maybe. End with a line "Answer: yes", "Answer: no" or "Answer: maybe".`;
  }
  const options = item.options.map((o) => `${o.key}. ${o.text}`).join('\n');
  const multi = item.answer.length > 1;
  return zh
    ? `${context}以下是一道${multi ? '多项' : '单项'}选择题。\n${item.question}\n${options}\n请在最后一行写“答案：”加选项字母${multi ? '（可多个）' : ''}。`
    : `${context}${item.question}\n${options}\nEnd with a line "The answer is X" where X is the letter of the ${multi ? 'correct options' : 'correct option'}.`;
}

/** The messages sent to a model target for an item. */
export function renderMessages(item: EvalItem, version: string = DEFAULT_PROMPT_VERSION): ChatMessage[] {
  if (!(PROMPT_VERSIONS as readonly string[]).includes(version)) {
    throw new QihuangError(
      'invalid-input',
      `Unknown prompt version "${version}" (${PROMPT_VERSIONS.join('|')})`,
    );
  }
  switch (item.kind) {
    case 'multiple-choice':
      return [{ role: 'user', content: multipleChoice(item) }];
    case 'rubric':
      return item.messages;
    case 'hallucination':
      return [{ role: 'user', content: item.prompt }];
    case 'safety': {
      if (!item.documents?.length) return item.messages;
      const docs = item.documents.map((d, i) => `[Document ${i + 1}]\n${d}`).join('\n\n');
      const messages = [...item.messages];
      const last = messages.pop()!;
      return [...messages, { ...last, content: `${docs}\n\n${last.content}` }];
    }
    case 'dialogue-record':
      return [
        {
          role: 'user',
          content:
            item.task === 'note'
              ? `Write the clinical visit note for this doctor–patient conversation, with the sections CHIEF COMPLAINT, HISTORY OF PRESENT ILLNESS, PHYSICAL EXAM, RESULTS, ASSESSMENT AND PLAN.\n\n${item.dialogue}`
              : `从下面的医患对话中抽取医疗信息，每行一条，格式为“类别:项目-状态:状态”（例如 症状:头晕-状态:阳性）。${item.labelHint ? `\n可用的类别、项目和状态：\n${item.labelHint}` : ''}\n\n对话：\n${item.dialogue}`,
        },
      ];
    case 'pipeline-case':
      return [{ role: 'user', content: JSON.stringify(item.input) }];
  }
}

/** Plain-text prompt (for HTTP targets' `{{prompt}}`). */
export const renderPrompt = (item: EvalItem, version?: string): string =>
  renderMessages(item, version)
    .map((m) => m.content)
    .join('\n\n');
