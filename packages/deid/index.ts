/**
 * De-identification (pure, zh + en): finds the 18 HIPAA Safe Harbor identifiers and the Chinese ones
 * (身份证, 医保/社保, 住院号, 车牌, 微信/QQ …), replaces them with consistent placeholders, shifts dates by one
 * offset per request and groups ages over 89; restores answers (also streamed). Used by the gateway for
 * cloud targets and by anything that exports patient text (records, imaging reports, training data).
 */
export * from './types.ts';
export { detectPhi, detectPhiInTexts, recognize, type DetectOptions } from './detect.ts';
export { deidentifyTexts, deidentifyWithSpans, generalizeZip, type DeidentifiedText } from './deidentify.ts';
export { PlaceholderVault, StreamingRestorer, PLACEHOLDER_PATTERN, type VaultOptions } from './vault.ts';
export { findDates, shiftDate, shiftDatesIn, chooseShift, dateTailStart, type FoundDate } from './dates.ts';
export { isValidChineseIdCard, isPlausibleOldIdCard, isLuhnValid } from './checksums.ts';
export { groupAge } from './recognizers/ages.ts';
