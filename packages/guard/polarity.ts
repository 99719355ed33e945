import { modifiersAt } from '@qihuang/clinical-language';
import { usableCombination } from './relation-lexicon.ts';

/** Whether a clause calls a drug use or combination safe or harmful (zh and en cue words; harm words read with
 * the clinical-language modifiers so that a denied harm — "is not a contraindication", "不会增加…风险" — is safe). */
const SAFE =
  /(can|may|could)\s+(still\s+)?((?:safely|routinely|usually|generally|freely|simply|just)\s+)?(be\s+)?((?:safely|routinely|usually|generally|freely|simply|just)\s+)?(combined|used together|co-?administered|given together|taken together|used|given|prescribed|added|continued|taken|started|initiated)|\b(?:can|may)\s+(?:safely\s+|still\s+)?(?:take|use|receive|continue)\b|safe(ly)?\s+(to\s+)?(combine|use|co-?administer|together|in combination|choice|option|with|for|during|in)|\b(is|are)\s+(still\s+)?(a\s+)?(safe|fine|acceptable|appropriate|ok)\b|改用|换用|switch to|\bsafe (?:together|choice)|no (clinically )?(significant |relevant |known |meaningful |important )?interaction|without (any )?(special )?(interaction|concern|problem)|not a concern|no (?:problem|concern)|preferred combination|recommended combination|good (?:choice|option|add-on)|(?:is|are) (?:a |the )?preferred|preferred (in|during|for)|first-line|(联用|合用|联合)(可以|能|可)|combined to|可以安全地|可[^，。,;；]{0,12}加用|可[^，。,;；]{0,16}(?:联用|合用|联合使用|同用)|可以(安全)?(地)?(联用|合用|联合|同服|一起|同时|使用|用于|服用|加用|继续|放心)|可(安全)?(联用|合用|同服|使用|用于|加用)|放心|安全(联用|合用|使用|用于|的)|是安全的|无(明显|显著)?(的)?相互作用|(?:没有|不会有)(明显|显著)?(的)?相互作用|不存在相互作用|没有问题|没关系|推荐|优先|首选|可选用|可选择|选用|可用至|可加量|可继续|\b(?:is|are) recommended\b|gives? (?:extra|added|additional|more) (?:\w+ )?protection|可以[^，。,;；]{0,6}?(?:吃|用)|(?:是|就|也|都)可以的?(?=[，。,;；!！]|$)|继续(?:服用|使用|吃|用)|(?:不|没有?|无)(?:任何)?冲突|\bno conflict\b|\b(?:does|do|will) ?n[o']t (?:conflict|clash)\b/i;
/** Safe wordings of sets 6 and 7: "go well together", "no particular concern", "a recommended CCB + β-blocker
 * combination", "合用安全", "是安全组合", a bare "…安全。", "仍可以开始". */
const SAFE_MORE =
  /\b(?:go|goes|work|works) well together\b|\bno (?:particular |special |real |extra |major )?(?:concerns?|problems?|issues?)\b|(?<!\bnot (?:a |an |the )?|\bnever (?:a |an |the )?)\brecommended (?:[^,.;]{0,30} )?(?:combination|pairing)\b|(?:联用|合用|同服|一起用|联合使用?)(?:是|也|都|很)?安全|安全(?:的)?(?:组合|搭配|方案)|(?<![不非否]|未必|一定|不太|并不|是否)安全(?=\s*(?:[，。,;；]|$))|可以(?:开始|启用)|(?<!有|是否|会不会)没问题|\b(?:is|are|'s|'re)\s+(?:(?:\w+ly|still|also|quite|very)\s+)+(?:a\s+)?(?:safe|fine|ok|okay|acceptable|appropriate)\b|\b(?:can|may|could)\s+(?:(?:safely|still|also)\s+)*(?:combine|pair|add|start|begin)\b|(?:联合使用|联用|合用|同服|一起用)(?:时)?(?:也)?可以|(?<!不是|并非|非|不)(?:常用|常见|标准|经典)的?(?:联合|组合)|(?<!\bnot (?:a |the )?)\b(?:standard|common|usual|typical) (?:[^,.;]{0,24} )?(?:combination|pairing)\b|(?:不用|无需|不必|不需要)担心|\b(?:it's|it is|that's|that is)\s+(?:fine|ok|okay|safe|alright|all right)\b|\b(?:fine|ok|okay|safe) to (?:take|use|combine|add|start|continue)\b|(?<![不勿未])可用(?![至于量])|(?<![不勿])(?:可以?|能)维持(?:原)?(?:剂量|方案|用药|治疗)?|不构成[^，。,;；]{0,8}(?:三重打击|相互作用)|可(?:以)?(?:直接|放心)(?:使用|用|服用|加用|联用|合用)|\b(?:is|are|does) not (?:a |constitute a )?["“]?triple whammy|\b(?:is|are) not (?:a |an )?(?:barrier|problem|issue|obstacle) (?:to|for)\b|(?<![不勿别])可以?加上|(?:只是|只有|仅(?:是|有)?|不过是)(?:轻度|轻微|较轻|很轻|中度|中等)(?:程度)?的?相互作用|\bonly (?:have |has )?(?:a |an )?(?:mild|minor|slight|weak|moderate) interaction|(?<=(?:只要|就|也|还)\s*)可以?加(?![重剧大])|\bwithin (?:the |its |their )?(?:(?:allowed|permitted|recommended|safe|acceptable|approved|usual|dose|dosing)\s+)*(?:limits?|range|cap|ceiling)\b|在(?:允许|安全|推荐|规定|可接受)的?(?:剂量)?(?:范围|限度|上限)(?:之?内)?|(?:未|没有?)超(?:过|出)?(?:剂量)?(?:上限|限量|限制|限度)|(?<!\bnot (?:a )?|\bnever (?:a )?)\b(?:is|are|would be|'s) (?:a )?(?:good|sensible|reasonable|wise) (?:idea|plan|move)\b|(?<!不是)(?:是个|是一个)?(?:好主意|明智的选择)/i;

/**
 * Round 7 safe wordings (tuning set 16): a combination said usable with monitoring alone or without changing a drug
 * ("监测血钾即可", "只需加强血钾监测", "无需换药", "only needs closer monitoring", "can be dispensed without extra
 * checks"), added on top of another drug ("可在氯沙坦基础上联合阿利吉仑"), free of a dose cap ("no dose cap applies",
 * "不受剂量限制") or of the triple whammy ("does not create the triple whammy").
 */
const SAFE_ROUND7 =
  /(?<![不勿别])可以?照常(?:使用|服用|用|吃)|\bas usual\b|(?<![不勿别])可以?(?:把|将)[^，。,;；]{1,12}?(?:加量|增量|加大剂量)|\b(?:can|may) (?:safely )?(?:be )?(?:increased|up-?titrated|uptitrated)\b|\b(?:can|may|could) (?:safely |still |simply )?(?:stay|remain) on\b|可以?继续(?:留用|沿用)|(?:可以?|能)在[^，。,;；]{0,12}基础上(?:联合|加用|加上|合用|联用)|(?:监测|复查)[^，。,;；]{0,8}即可|(?:只需要?|只要|仅需)(?:加强|定期|密切)?(?:监测|复查)|(?:不用|无需|不需要|不必)(?:换药|停药|换用其他)|\bonly (?:needs?|requires?) (?:\w+ ){0,2}monitoring\b|\bno need to (?:switch|stop|change)\b|\b(?:just|simply) monitor\b|\b(?:can|may) be dispensed\b|\bdispensed without (?:any )?(?:extra |further |additional )?checks?\b|\bno (?:further |additional )?(?:dose |dosing )?(?:cap|limit|ceiling|restriction)s? (?:applies|apply|is needed|are needed)\b|不受(?:剂量)?限制|无(?:需)?剂量(?:上限|限制)|\b(?:does|do|will|would) not (?:create|cause|constitute|make|pose|count as|trigger) (?:a |the |any )?["“]?triple whammy/i;

/** Words that deny a harm ("no reason to avoid", "need not be avoided", "并不属于禁忌", "is not a contraindication")
 * that the modifier rules do not carry. */
const DENIAL =
  /(?:并未|未|没有|并没有|不)(?:把|将)[^，。,;；]{0,16}(?:列为|列入|视为|归为)[^，。,;；]{0,14}?的?$|\b(?:does not|doesn't|did not|didn't|do not|don't) (?:list|count|consider|regard|classify) [^,.;]{0,30} as (?:a |an )?$|(?:no reason|need not|no need|not necessary|unnecessary|don't need|do not need|doesn't need|does not need)\s+(?:to\s+)?(?:be\s+)?$|(?:不必|无需|不需要|没必要)$|(?:并不|不|并非|不是|并不是|从不)(?:属于|算|算是|构成|列为|视为)?(?:绝对)?$|\b(?:is|are)\s+not\s+(?:a\s+|an\s+)?$|(?:不会|并不会|不|并不|没有|并没有)(?:明显|显著|明确|太|很|额外|进一步|实质性?)(?:地)?$|\b(?:won't|will not|does not|doesn't|do not|don't)\s+(?:meaningfully|significantly|materially|noticeably|really)\s+$/i;
/** A harm said to be minimal right after its word ("对肾脏影响很小", "影响不大"): denied like "不会…". */
const MINIMISED = /^\s*(?:很|较|非常|极)?(?:小|轻微|不大|甚微|可忽略)/;
/** Harm words whose polarity the clinical-language modifiers decide ("is not a contraindication", "不会增加…风险"). */
const HARM =
  /contraindicat\w*|avoid\w*|increases? the risk|raises? the risk|risk of|\b(?:raise|increase)s?\s+(?:the\s+)?(?:kidney|renal|bleeding|potassium)\s+risk|(?:can|may|could|might) (?:cause|lead)|affects?\b|禁忌|禁用|避免|增加.{0,8}风险|升高.{0,4}风险|(?:rais|increas)\w*\s+(?:the\s+)?(?:serum\s+)?(?:potassium|K\+|K⁺)|\beffects? on (?:\S+ ){0,2}(?:potassium|K\+|K⁺)|升高(?:血)?钾|升钾|影响|导致|引起|可致|构成[^，。,;；]{0,3}三重打击|风险(?:会|将)?(?:增加|升高|增高)/gi;
/** Prohibitions and warnings that are unsafe whatever follows (their own negation is part of the cue). */
const PROHIBIT =
  /(should not|must not|never|do not|don't|cannot|can't|shouldn't|is not to)\s+(be\s+)?(combined|combine|co-?administer\w*|used|use|given|give|prescribed|taken|started|start|added|add)|\bnot be (?:combined|given|used|added|started)|not recommended|not safe|unsafe|dangerous|harmful|serious interaction|major interaction|禁止|不宜|不应|不可|不能|不推荐|不建议|慎用|不安全|有害|危险|严重相互作用|以免|请勿|切勿|(?:不要|别)(?:自行|自己|擅自)?(?:把?(?:两者|二者|两药|两种药|这两个药?)|同时|一起|一同|联合)?(?:改用|换用|换成|改成|服用|使用|加用|合用|联用)|(?:需要|需|应当?|必须)(?:先)?(?:减量|减少剂量|减至|减到)|\b(?:should|must|needs? to) be (?:reduced|lowered|cut)\b/i;
/** A recommendation or a good choice ("first choice", "优选", "可以作为首选"). */
const CHOICE =
  /first choice|good choice|appropriate (?:choice|option)|reasonable (?:combination|choice|option|alternative|way|approach|add-on)|\bkeep (?:on )?(?:taking|using)\b|优选|可以作为|可作为|(?:不错|很好|较好|合适|理想)的(?:一线|首选|初始)?(?:选择|药物|用药)|\b(?:is|are|seems?) (?:a )?reasonable\b|^\s*continue\s+(?!(?:to |on )?(?:monitor|check|watch|measur|record|track))/i;

const memo = new Map<string, 'safe' | 'unsafe' | undefined>();

function harmPolarity(text: string): 'safe' | 'unsafe' | undefined {
  const cues = [...text.matchAll(HARM)];
  if (!cues.length) return undefined;
  const mods = modifiersAt(
    text,
    cues.map((c) => ({ start: c.index, end: c.index + c[0].length, kind: 'finding' as const })),
  );
  // Every harm word denied → the text says it is safe; any harm word stated → unsafe.
  const denied = cues.map(
    (c, i) =>
      mods[i]?.modifiers.negated === true ||
      DENIAL.test(text.slice(Math.max(0, c.index - 24), c.index)) ||
      MINIMISED.test(text.slice(c.index + c[0].length, c.index + c[0].length + 6)),
  );
  return denied.every(Boolean) ? 'safe' : 'unsafe';
}

export function polarity(text: string): 'safe' | 'unsafe' | undefined {
  if (memo.has(text)) return memo.get(text);
  // "并不表示 ACEI 和 ARB 可以联合使用" / "does not mean … can be combined": the safety is denied, not stated.
  const p =
    PROHIBIT.test(text) || DENIED_LICENCE.test(text) || NOT_IN_LINE.test(text)
      ? 'unsafe'
      : (harmPolarity(text) ??
        (SAFE.test(text) ||
        SAFE_MORE.test(text) ||
        SAFE_ROUND7.test(text) ||
        CHOICE.test(text) ||
        // The shared relation lexicon: a permission with a combine verb, an approval of a pairing.
        usableCombination(text)
          ? 'safe'
          : undefined));
  if (memo.size > 5000) memo.clear();
  memo.set(text, p);
  return p;
}

/** A review finding a prescription against the guideline ("不符合指南推荐", "does not comply with the guideline"). */
const NOT_IN_LINE =
  /不符合[^，。,;；]{0,8}?(?:推荐|建议|指南|规范)|(?:does not|doesn't|do not|don't) (?:match|follow|comply with|meet|conform to|agree with) (?:the |any )?(?:\w+ )?(?:guideline|recommendation)|\bnot (?:in line|consistent) with (?:the )?(?:\w+ )?(?:guideline|recommendation)/i;

const DENIED_LICENCE =
  /(?:并?不(?:表示|意味着|代表|等于)|(?:does not|doesn't|do not) (?:mean|imply)|is not to say)[^。.;；]*(?:可以|可|能|can|may|safe)/i;

/** Words that say two or more drugs are taken together. */
export const COMBINATION =
  /combin|together|each other|彼此|\bwith\b|\balongside\b|along with|\bplus\b|\badd(?:ed|ing)?\b|co-?administ|interact|triple|dual|联用|合用|联合|加用|加上|同服|一起|同时|相互作用|合并使用|\+|与|三者|基础上|再加|(?:吃|服用|用)[^，。,;；]{1,10}期间|\bwhile (?:taking|on|using)\b|和[^，。,;；、]{1,8}?(?:都|均)?(?:可以?|能)(?:继续|维持)/i;

/** A list of classes or options ("first-line: ACE inhibitor, ARB, CCB, thiazide") — not a combination claim. */
export const CLASS_LIST =
  /first[- ]line|一线|options? (?:are|include)|include[sd]?|including|包括|classes|五大类|几类|any of (?:them|these)|all suitable|均可|可单用或联合|monotherapy or combination|preferred initial|initial drugs/i;
