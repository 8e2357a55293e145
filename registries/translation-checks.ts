/**
 * What a machine translation of an earnings call gets wrong about a quantity, as data: one entry
 * per reason a translation check can give, with the words that decide it. The English is
 * authoritative; each entry says how its Chinese counterpart must render what the English says.
 * Adding a word or a measure word is a one-line change here, with a test case.
 */
import type { FamilyGroup, TranslationPair } from '../pipeline/validate/translation/pair.ts';
import { compareFamilies } from '../pipeline/validate/translation/word-families.ts';
import { compareSign } from '../pipeline/validate/translation/sign.ts';
import { compareUnit, type MeasureWord } from '../pipeline/validate/translation/unit-classifier.ts';
import { compareValue, type AmbiguousPrefix } from '../pipeline/validate/translation/value-scale.ts';

export type TranslationReason = 'value_scale' | 'unit_classifier' | 'qualifier' | 'change_basis' | 'sign_nature';

export interface TranslationCheckDefinition {
  reason: TranslationReason;
  /** the reason in a reader's words */
  label: string;
  description: string;
  /** the sentence saying what differs, or null when the Chinese renders the English faithfully */
  compare(pair: TranslationPair): string | null;
}

// Characters that make a following 年/季 word part of a date ("今年增加": "this year rose"), not a comparison.
const notAfterYearOrQuarter = '今去明全每半本當当該该前後后上下新近多同首第一二三四五六七八九十兩两幾几0123456789';

/** Qualifiers of the number. The English side is the one the quantity extractor read ("10-plus" is over). */
export const qualifierWords: FamilyGroup = {
  englishFrom: 'qualifier',
  stated: 'is qualified as {said} the number',
  flagDropped: true,
  widenToSentence: false,
  // "just under" is nearly: 略低於 renders it faithfully
  compatible: [['over', 'at_least'], ['approximately', 'nearly'], ['nearly', 'under'], ['under', 'up_to']],
  families: [
    {
      name: 'over', said: 'more than', en: [],
      zh: ['超過', '超过', '超出', '多於', '多于', '高於', '高于', '突破'],
      zhNear: ['逾', '超'], zhAfter: ['以上', '多', '餘', '余', '+'],
    },
    {
      name: 'at_least', said: 'at least', en: [],
      zh: ['至少', '最少', '不少於', '不少于', '不低於', '不低于'], zhAfter: ['以上'],
    },
    {
      name: 'approximately', said: 'about', en: [],
      zh: ['大約', '大约', '約為', '约为', '約佔', '约占', '約有', '约有', '約達', '约达', '約合', '约合', '大概', '約莫', '估計', '估计', '預估', '预估'],
      zhNear: ['約', '约'], zhAfter: ['左右', '上下', '前後', '前后'],
    },
    {
      name: 'nearly', said: 'nearly', en: [],
      zh: ['將近', '将近', '接近', '幾乎', '几乎', '逼近', '近乎'], zhNear: ['近'],
    },
    {
      name: 'under', said: 'less than', en: [],
      zh: ['不到', '少於', '少于', '低於', '低于', '不足', '未滿', '未满', '不及', '未達', '未达'],
      zhAfter: ['以下', '以內', '以内', '之內', '之内'],
    },
    {
      name: 'up_to', said: 'up to', en: [],
      zh: ['最多', '高達', '高达', '多達', '多达', '最高', '至多', '不超過', '不超过'],
    },
  ],
};

/** The basis of a change. "Sequentially" is often machine-translated as 連續, "continuously". */
export const changeBasisWords: FamilyGroup = {
  englishFrom: 'words',
  stated: 'is a change {said}',
  flagDropped: true,
  widenToSentence: true,
  contrary: [['yoy', 'qoq']],
  families: [
    {
      name: 'yoy', said: 'compared with a year earlier',
      en: ['year over year', 'year on year', 'yoy', 'y/y', 'from a year ago', 'compared to a year ago', 'compared with a year ago',
        'versus a year ago', 'year-ago quarter', 'same period last year', 'same quarter last year', 'same quarter of last year',
        'same period of last year', 'compared to last year', 'compared with last year', 'versus last year'],
      zh: ['同比', '年增', '年減', '年减', '年成長', '年成长', '年增長', '年增长', '年比', '年收窄', '年下降', '年降', '年對年', '年对年',
        '年衰退', '年下滑', '去年同期', '上年同期', '較去年', '较去年', '與去年', '与去年', '比去年', '一年前'],
      zhWeak: ['去年'],
      zhNotAfter: notAfterYearOrQuarter,
      misreadings: [{ zh: '每年', reads: 'every year' }, { zh: '逐年', reads: 'year by year' }, { zh: '年復一年', reads: 'year after year' }],
    },
    {
      name: 'qoq', said: 'compared with the previous quarter',
      en: ['sequentially', 'sequential', 'quarter over quarter', 'quarter on quarter', 'qoq', 'q/q', 'compared to the last quarter',
        'compared with the last quarter', 'compared to last quarter', 'compared with last quarter', 'compared to the previous quarter',
        'compared with the previous quarter', 'compared to the prior quarter', 'compared with the prior quarter',
        'from the prior quarter', 'from the previous quarter', 'from last quarter', 'versus last quarter', 'versus the prior quarter',
        'over the prior quarter', 'over the previous quarter'],
      zh: ['環比', '环比', '季增', '季減', '季减', '季成長', '季成长', '季增長', '季增长', '季下降', '季比', '季對季', '季对季', '逐季',
        '較上季', '较上季', '與上季', '与上季', '比上季', '上季相比', '較上一季', '较上一季', '與上一季', '与上一季', '比上一季',
        '較前一季', '较前一季', '與前一季', '与前一季', '比前一季', '較前季', '较前季', '上季度', '上一季度', '上個季度', '上个季度'],
      zhWeak: ['上季', '上一季', '前一季'],
      zhNotAfter: notAfterYearOrQuarter,
      misreadings: [
        { zh: '連續', reads: 'continuously' }, { zh: '连续', reads: 'continuously' }, { zh: '依序', reads: 'in order' },
        { zh: '依次', reads: 'in order' }, { zh: '相繼', reads: 'one after another' }, { zh: '相继', reads: 'one after another' },
      ],
    },
  ],
};

/** Whether an amount is a charge or a profit; the Chinese often says this outside the clause of the number. */
export const natureWords: FamilyGroup = {
  englishFrom: 'words',
  stated: 'is {said}',
  flagDropped: false,
  widenToSentence: true,
  contrary: [['charge', 'profit']],
  families: [
    {
      name: 'charge', said: 'a loss or charge',
      en: ['loss', 'losses', 'charge', 'charges', 'write-down', 'write-downs', 'writedown', 'writedowns', 'write-off', 'write-offs',
        'impairment', 'impairments', 'expense', 'expenses', 'cost', 'costs', 'hit our … bottom line', 'hit the … bottom line',
        'hit our … earnings', 'hit our … results', 'hit to', 'a hit of'],
      zh: ['虧損', '亏损', '損失', '损失', '淨虧', '净亏', '淨損', '净损', '毛損', '毛损', '費用', '费用', '支出', '成本', '開支', '开支', '減記', '减记', '減損', '减损',
        '減值', '减值', '沖銷', '冲销', '衝擊', '冲击', '打擊', '打击', '拖累', '侵蝕', '侵蚀', '計提', '计提', '提列', '撥備', '拨备', '影響', '影响'],
    },
    {
      name: 'profit', said: 'a profit or income',
      en: ['profit', 'profits', 'gain', 'gains', 'income', 'earnings'],
      zh: ['淨利潤', '净利润', '利潤', '利润', '盈利', '獲利', '获利', '淨利', '净利', '收益', '利益', '收入', '營收', '营收', '毛利', '溢利', '盈餘', '盈余'],
    },
  ],
};

/** The direction of a change; said next to the number, so only the Chinese clause counts. */
export const directionWords: FamilyGroup = {
  englishFrom: 'words',
  stated: 'is {said}',
  flagDropped: false,
  widenToSentence: false,
  contrary: [['decline', 'increase']],
  families: [
    {
      name: 'decline', said: 'a decline',
      // not "fall": "this fall" is a season
      en: ['decline', 'declined', 'declines', 'declining', 'decrease', 'decreased', 'decreases', 'decreasing', 'fell', 'falling', 'fallen',
        'dropped', 'drop', 'drops', 'narrowed', 'narrowing', 'narrows', 'reduction', 'reduced', 'shrank', 'contracted'],
      zh: ['下降', '下跌', '減少', '减少', '降低', '年減', '年减', '季減', '季减', '收窄', '縮小', '缩小', '縮減', '缩减', '衰退', '萎縮', '萎缩', '下滑', '回落'],
    },
    {
      name: 'increase', said: 'an increase',
      en: ['increase', 'increased', 'increases', 'increasing', 'grew', 'grow', 'grows', 'growing', 'grown', 'growth', 'rose', 'rise',
        'rises', 'rising', 'risen', 'climbed', 'jumped', 'expanded'],
      zh: ['增加', '成長', '成长', '增長', '增长', '上升', '上漲', '上涨', '提高', '提升', '擴大', '扩大', '年增', '季增', '攀升', '躍升', '跃升', '增至'],
    },
  ],
};

/** Chinese words right before a number that make it negative. */
export const negativeWords = ['負', '负', '虧損', '亏损', '損失', '损失', '赤字', '減少', '减少'];

/**
 * Chinese measure words that say what is counted. 個, 件, 套 count anything and are not listed;
 * a measure word whose next character makes it part of a longer word (人民幣, 位於) is none.
 */
export const measureWords: MeasureWord[] = [
  {
    zh: ['人', '名', '位'], counts: 'people',
    notBefore: ['民', '工', '士', '才', '物', '力', '數', '数', '列', '義', '义', '稱', '称', '字', '單', '单', '於', '于', '置', '元', '址'],
    fitsUnits: [],
    fitsEnglish: ['people', 'person', 'persons', 'employees', 'employee', 'staff', 'workers', 'customers', 'clients', 'users',
      'holders', 'shareholders', 'investors', 'analysts', 'members', 'engineers', 'individuals', 'participants', 'headcount',
      'households', 'technicians', 'team', 'hires', 'attendees', 'partners', 'followers', 'subscribers', 'executives', 'directors',
      'researchers', 'developers'],
  },
  {
    zh: ['台', '臺', '部'], counts: 'machines',
    notBefore: ['灣', '湾', '北', '中', '南', '幣', '币', '門', '门', '分', '署'],
    fitsUnits: ['units'],
    fitsEnglish: ['units', 'unit', 'machines', 'machine', 'miners', 'miner', 'rigs', 'servers', 'heaters', 'devices', 'systems',
      'computers', 'pieces', 'containers', 'asics', 'gpus', 'models', 'boxes', 'racks'],
  },
  {
    zh: ['家'], counts: 'companies or sites',
    notBefore: ['庭', '用', '電', '电', '具', '族', '鄉', '乡'],
    fitsUnits: [],
    fitsEnglish: ['companies', 'company', 'firms', 'customers', 'clients', 'sites', 'facilities', 'partners', 'banks', 'exchanges',
      'miners', 'operators', 'businesses', 'data centers', 'locations', 'institutions', 'peers', 'competitors', 'suppliers', 'foundries'],
  },
];

/** 兆 is 10^12 as a Taiwanese number but mega in SI units (兆瓦, a megawatt); before a hash it can be read either way. */
export const ambiguousPrefixes: AmbiguousPrefix[] = [
  {
    zh: '兆',
    readings: [
      { name: 'tera', exponent: 12, as: 'the Taiwanese number 兆 (10^12)' },
      { name: 'mega', exponent: 6, as: 'the SI prefix mega, as in 兆瓦 (megawatt)' },
    ],
    // units where 兆 is mega beyond doubt: the document's own uses are named in the sentence
    settled: ['兆瓦', '兆赫'],
    stems: [{ zh: ['次哈希', '哈希', 'hash', 'Hash'], canonical: 'TH/s', exponent: -12, said: 'hash per second' }],
  },
];

/** A bare Chinese number followed by one of these lost its unit ("280 萬的算力"); before anything else it may carry a unit the reader knows. */
export const unitDroppedBefore = ['的', ',', '\uff0c', '\u3002', '\u3001', ';', '\uff1b', ')', '\uff09'];

/** How a percentage may be written after a bare Chinese number. */
export const percentWords = ['%', '％', '個百分點', '个百分点', '百分點', '百分点', '成'];

export const translationCheckRegistry: readonly TranslationCheckDefinition[] = [
  {
    reason: 'value_scale',
    label: 'value and scale',
    description:
      'The Chinese number differs from the English, or its scale (萬, 億, 千, 兆) does; 兆 before a hash unit reads as mega or tera, and both readings are given.',
    compare: (pair) => compareValue(pair, ambiguousPrefixes),
  },
  {
    reason: 'unit_classifier',
    label: 'unit and classifier',
    description:
      'The Chinese unit or measure word does not fit the English unit: bitcoins counted with 人 (people), a price per terahash without its "per", a percentage without 百分比/%.',
    compare: (pair) => compareUnit(pair, { measureWords, unitDroppedBefore, percentWords }),
  },
  {
    reason: 'qualifier',
    label: 'qualifier',
    description: 'The English qualifier (over, -plus, about, nearly, up to, less than) is dropped or changed in the Chinese: 以上/超過/逾, 約/大約, 近/將近, 最多, 不到.',
    compare: (pair) => compareFamilies(pair, qualifierWords),
  },
  {
    reason: 'change_basis',
    label: 'change basis',
    description: 'A change stated year over year (同比/年增) or sequentially (環比/季增) whose comparison basis the Chinese loses or changes, e.g. "sequentially" as 連續 ("continuously").',
    compare: (pair) => compareFamilies(pair, changeBasisWords),
  },
  {
    reason: 'sign_nature',
    label: 'sign and nature',
    description:
      'A loss or charge that reads as a profit or income in the Chinese (虧損/費用 against 利潤/收益), a decline that reads as an increase, or the reverse; a negative amount given as a positive one without 負 or a word for a loss.',
    compare: (pair) =>
      compareSign(pair, { zhNegative: negativeWords, groups: [natureWords, directionWords], negativeFamilies: ['charge', 'decline'] }) ??
      compareFamilies(pair, natureWords) ??
      compareFamilies(pair, directionWords),
  },
];

export const translationCheckByReason = new Map(translationCheckRegistry.map((c) => [c.reason, c]));
