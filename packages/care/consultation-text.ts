/**
 * The consultation's fixed, server-written text, in both languages: each stored message keeps both (`texts`)
 * so the transcript is shown in the language the patient reads now, also after switching mid-consultation
 * (issue 20 finding 4: one language per screen).
 */
import type { Text } from '@qihuang/engines/blood-pressure';
import type { TriageResult } from '@qihuang/engines/hypertension-care';
import type { ConsultationMessage } from './api-types/index.ts';
import { zonedDateTime } from './crisis-alert.ts';

export type Language = 'zh' | 'en';

export const GREETING: Text = {
  zh: '您好，我是岐黄问诊助手。我会问您几个关于血压的问题，您的回答会交给医生确认。如有胸痛、一侧肢体无力或说话不清，请立即拨打120。',
  en: "Hello, I'm the Qihuang intake assistant. I will ask you a few questions about your blood pressure; your clinician will review your answers. If you have chest pain, weakness on one side or trouble speaking, call emergency services now (120 in China / 911 in the US).",
};

/** When the care team's Flag could not be written after an emergency stop. */
export const NOT_ALERTED: Text = {
  zh: '系统未能自动通知您的医护团队。请立即拨打120急救电话，或请身边的人帮忙。',
  en: 'The system could not alert your care team automatically. Call emergency services now (120 in China / 911 in the US), or ask someone near you for help.',
};

/** After the last answer; the button it names is the console's "finish" button (完成并保存 / Finish and save). */
export const FINISHED: Text = {
  zh: '谢谢您，问诊问题已经全部回答。请点击“完成并保存”提交，医生会查看并确认您的信息。',
  en: 'Thank you, that was the last question. Press "Finish and save" to submit; your clinician will review and confirm what you told us.',
};

export const ALL_ANSWERED: Text = {
  zh: '问诊问题已经全部回答，不再接收新的回答；如有新的情况请开始新的问诊或联系医生',
  en: 'All intake questions have been answered; no more answers are taken — start a new consultation or contact the clinic',
};

/** "GMT+8" for an instant in an IANA zone (the label beside a time). */
export function zoneLabel(iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * The urgent notice of a triage. A stored reading (not one typed in this message) is named as the patient's
 * own, with its date and time in the patient's zone — the notice is about the account's readings even when the
 * writer speaks of someone else ("my mum …").
 */
export function urgentNotice(result: TriageResult, timeZone: string): Text {
  const reading = result.crisisReading;
  if (!reading || reading.id.startsWith('typed-') || !reading.time) return result.instruction;
  const when = `${zonedDateTime(reading.time, timeZone)} (${zoneLabel(reading.time, timeZone)})`;
  const value = `${reading.sbp}/${reading.dbp} mmHg`;
  return {
    zh: `您自己在 ${when} 测的血压是 ${value}。${result.instruction.zh}`,
    en: `Your own blood pressure reading of ${when} was ${value}. ${result.instruction.en}`,
  };
}

/** The notice's key: one notice per rule and reading in a consultation. */
export function noticeCode(result: TriageResult): string {
  return `urgent:${result.rule}:${result.crisisReading?.id ?? ''}`;
}

/** A fixed server message in both languages, shown in the consultation's language. */
export function fixedMessage(
  texts: Text,
  language: Language,
  base: Omit<ConsultationMessage, 'text' | 'texts'>,
): ConsultationMessage {
  return { ...base, text: texts[language], texts };
}

/** The transcript in the language asked for: fixed messages switch, the patient's and the model's words stay. */
export function inLanguage(
  messages: readonly ConsultationMessage[],
  language: Language,
): ConsultationMessage[] {
  return messages.map((m) => (m.texts ? { ...m, text: m.texts[language] } : m));
}
