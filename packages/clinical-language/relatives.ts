/**
 * The relative a mention is about, from its experiencer cue ("我爸", "my mother"), as an HL7 v3 RoleCode
 * (http://terminology.hl7.org/CodeSystem/v3-RoleCode) for FamilyMemberHistory.relationship.
 */
export interface Relationship {
  code: string;
  display: string;
}

const RELATIONSHIPS: readonly [RegExp, string, string][] = [
  // In-laws and cousins first (round 9): 姐夫 is no sister, 姑父 no aunt, 伯母 no uncle.
  [/姐夫|妹夫|brother-in-law/i, 'BROINLAW', 'brother-in-law'],
  [/嫂|弟媳|sister-in-law/i, 'SISINLAW', 'sister-in-law'],
  [/女婿|son-in-law/i, 'SONINLAW', 'son-in-law'],
  [/儿媳|daughter-in-law/i, 'DAUINLAW', 'daughter-in-law'],
  [/表[哥姐弟妹]|堂[哥姐弟妹]|cousin/i, 'COUSN', 'cousin'],
  [/姑父|姑丈|姨父|姨夫/, 'UNCLE', 'uncle'],
  [/伯母|婶|舅妈|舅母|姑妈|姨妈/, 'AUNT', 'aunt'],
  [/父母|parents?/i, 'PRN', 'parent'],
  [/兄弟姐妹|sibling/i, 'SIB', 'sibling'],
  [/爷爷|外公|姥爷|grandfather|grandpa/i, 'GRFTH', 'grandfather'],
  [/奶奶|外婆|姥姥|grandmother|grandma/i, 'GRMTH', 'grandmother'],
  [/爸|父|dad|father/i, 'FTH', 'father'],
  [/妈|母|mom|mum|mother/i, 'MTH', 'mother'],
  [/哥|弟|brother/i, 'BRO', 'brother'],
  [/姐|妹|sister/i, 'SIS', 'sister'],
  [/儿子|\bson\b/i, 'SON', 'son'],
  [/女儿|daughter/i, 'DAU', 'daughter'],
  [/叔|舅|伯|uncle/i, 'UNCLE', 'uncle'],
  [/姨|姑|aunt/i, 'AUNT', 'aunt'],
];

export const FAMILY_MEMBER: Relationship = { code: 'FAMMEMB', display: 'family member' };

/** Relationship named by the mention's experiencer cue; FAMMEMB when none is named. */
export function relativeOf(m: { cues: readonly string[] }): Relationship {
  const cue = m.cues.find((c) => c.startsWith('experiencer:'))?.slice('experiencer:'.length) ?? '';
  for (const [re, code, display] of RELATIONSHIPS) if (re.test(cue)) return { code, display };
  return FAMILY_MEMBER;
}
