/**
 * De-identification of requests bound for cloud models, and restoration of the answers: the OpenAI request
 * shapes (message text, text parts, tool-call arguments, earlier reasoning, embedding input) over the pure
 * `@qihuang/deid` package, which finds the identifiers, replaces them consistently across every text of the
 * request and shifts dates by one offset per request.
 */
import { deidentifyTexts, type KnownIdentifiers } from '@qihuang/deid';
import type { PlaceholderVault } from './placeholder-vault.ts';

export { deidentifyTexts, detectPhi, type KnownIdentifiers } from '@qihuang/deid';

// ---- OpenAI request shapes ---------------------------------------------------------------------------

type Json = Record<string, unknown>;

/**
 * Visits every text field of chat messages that may carry patient data: string content, text parts,
 * tool-call arguments and reasoning of earlier assistant turns. `edit` returns the replacement text.
 */
function mapMessageTexts(messages: readonly unknown[], edit: (text: string) => string): unknown[] {
  return messages.map((raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const message = { ...(raw as Json) };
    if (typeof message.content === 'string') message.content = edit(message.content);
    else if (Array.isArray(message.content)) {
      message.content = message.content.map((part: unknown) =>
        part && typeof part === 'object' && typeof (part as Json).text === 'string'
          ? { ...(part as Json), text: edit((part as Json).text as string) }
          : part,
      );
    }
    if (typeof message.reasoning_content === 'string')
      message.reasoning_content = edit(message.reasoning_content);
    if (Array.isArray(message.tool_calls)) {
      message.tool_calls = message.tool_calls.map((call: unknown) => {
        const fn = (call as Json | null)?.function as Json | undefined;
        if (!fn || typeof fn.arguments !== 'string') return call;
        return { ...(call as Json), function: { ...fn, arguments: edit(fn.arguments) } };
      });
    }
    return message;
  });
}

export function deidentifyChatMessages(
  messages: readonly unknown[],
  vault: PlaceholderVault,
  known: KnownIdentifiers = {},
): unknown[] {
  const texts: string[] = [];
  mapMessageTexts(messages, (text) => {
    texts.push(text);
    return text;
  });
  const replaced = deidentifyTexts(texts, vault, known);
  let i = 0;
  return mapMessageTexts(messages, () => replaced[i++]!);
}

export function deidentifyEmbeddingInput(
  input: unknown,
  vault: PlaceholderVault,
  known: KnownIdentifiers = {},
): unknown {
  if (typeof input === 'string') return deidentifyTexts([input], vault, known)[0];
  if (Array.isArray(input) && input.every((x) => typeof x === 'string'))
    return deidentifyTexts(input, vault, known);
  return input; // token arrays carry no readable text to de-identify
}

/** Restores placeholders in a non-streaming chat completion's messages (content, reasoning, tool calls). */
export function restoreChatMessage(message: Json, vault: PlaceholderVault): void {
  if (typeof message.content === 'string') message.content = vault.restore(message.content);
  if (typeof message.reasoning_content === 'string')
    message.reasoning_content = vault.restore(message.reasoning_content);
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls as Json[]) {
      const fn = call?.function as Json | undefined;
      if (fn && typeof fn.arguments === 'string') fn.arguments = vault.restore(fn.arguments);
    }
  }
}
