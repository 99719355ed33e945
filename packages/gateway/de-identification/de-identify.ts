/**
 * De-identification of requests bound for cloud models, and restoration of the answers. Pure functions:
 * detection collects identifier values from every text of the request first, then every occurrence of each
 * value is replaced by its placeholder, so a name found in one message is also hidden where it appears bare.
 */
import { findChineseNames } from './chinese-names.ts';
import { findEnglishNames } from './english-names.ts';
import { identifierPatterns } from './identifier-patterns.ts';
import { PlaceholderVault, type IdentifierCategory } from './placeholder-vault.ts';

/** Identifiers the caller already knows (patient context): always replaced. */
export interface KnownIdentifiers {
  names?: readonly string[];
  identifiers?: readonly string[];
}

export interface FoundIdentifier {
  value: string;
  category: IdentifierCategory;
}

/** Finds identifier values in one text (no replacement). */
export function findIdentifiers(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const pattern of identifierPatterns) {
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) {
      const value = (match[1] ?? match[0]).trim();
      if (value.length < 2) continue;
      if (pattern.validate && !pattern.validate(value)) continue;
      found.push({ value, category: pattern.category });
    }
  }
  for (const name of findChineseNames(text)) {
    found.push({ value: name.value, category: name.relative ? 'RELATIVE_NAME' : 'PATIENT_NAME' });
  }
  for (const name of findEnglishNames(text)) {
    found.push({ value: name.value, category: name.relative ? 'RELATIVE_NAME' : 'PATIENT_NAME' });
  }
  return found;
}

const escapeRegex = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORDY_START = /^[A-Za-z0-9]/;
const WORDY_END = /[A-Za-z0-9]$/;

/** Builds a function replacing every occurrence of the given values with consistent placeholders. */
function replacerFor(
  values: Map<string, IdentifierCategory>,
  vault: PlaceholderVault,
): (text: string) => string {
  if (values.size === 0) return (text) => text;
  const sorted = [...values.keys()].sort((a, b) => b.length - a.length);
  const source = sorted
    .map((value) => {
      const escaped = escapeRegex(value);
      return `${WORDY_START.test(value) ? '(?<![A-Za-z0-9])' : ''}${escaped}${WORDY_END.test(value) ? '(?![A-Za-z0-9])' : ''}`;
    })
    .join('|');
  const regex = new RegExp(source, 'g');
  return (text) =>
    text.replace(regex, (match) => vault.placeholderFor(match, values.get(match) ?? 'IDENTIFIER'));
}

/** Replaces identifiers in a set of texts that belong together (one request), consistently. */
export function deidentifyTexts(
  texts: readonly string[],
  vault: PlaceholderVault,
  known: KnownIdentifiers = {},
): string[] {
  const values = new Map<string, IdentifierCategory>();
  const add = (value: string, category: IdentifierCategory) => {
    const v = value.trim();
    if (v.length >= 2 && !values.has(v)) values.set(v, category);
  };
  for (const name of known.names ?? []) {
    add(name, 'PATIENT_NAME');
    const parts = name.trim().split(/\s+/);
    if (parts.length > 1 && parts[parts.length - 1]!.length >= 3)
      add(parts[parts.length - 1]!, 'PATIENT_NAME');
  }
  for (const identifier of known.identifiers ?? []) add(identifier, 'IDENTIFIER');
  for (const text of texts) for (const found of findIdentifiers(text)) add(found.value, found.category);
  const replace = replacerFor(values, vault);
  return texts.map(replace);
}

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
