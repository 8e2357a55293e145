import { metricById, metrics, revenueBreakdown, revenueLines, type MetricDefinition } from '../../registries/metrics.ts';
import type { Paragraph, SegmentedTranscript, Sentence } from '../segment/segment.ts';
import { changeOf } from './change.ts';
import { hypotheticalQuestionAt, isAboutOthers, isHypothetical, phrasePattern, findMetricCues, hasSpecCue, isForward, isLossCue, isNoFactContext, type CueMatch } from './cues.ts';
import { findModels, findRegions, findSegments, findSites, nearestEntity, type EntityMatch } from './entity.ts';
import { comparisonBasePeriod, comparisonWordAt, frameOf, type SentenceScope } from './comparison-period.ts';
import { isEarlierPeriod, isFuturePeriod, resolvePeriod, statedPeriod, type CallCalendar } from './period.ts';
import type { Quantity } from './quantity.ts';
import { firstAtLeast } from '../sorted-search.ts';

export type Basis = 'actual' | 'guidance' | 'target' | 'spec' | 'market';
export type ChangeKind = 'yoy' | 'qoq' | 'since';

/** A KPI statement found in a transcript; spans are UTF-16 offsets into the document text. */
export interface FactDraft {
  metric: string;
  value: number;
  valueHigh: number | null;
  unit: string;
  statedValue: string;
  statedUnit: string;
  qualifier: string;
  period: string;
  basis: Basis;
  changeKind: ChangeKind | null;
  entity: string | null;
  speaker: string | null;
  section: string;
  paragraphIndex: number;
  start: number;
  end: number;
  quote: string;
  sentence: string;
  /** how surely the rules decided it: `high` a cue of its own clause and a period said or the call's own, `low` a metric or period carried from elsewhere */
  confidence: Confidence;
}

export type Confidence = 'high' | 'medium' | 'low';
type Evidence = 'strong' | 'medium' | 'weak';

/** A quantity placed in its sentence: offsets relative to the sentence text. */
export interface Placed {
  q: Quantity;
  at: number;
  end: number;
}

/** Units only one metric is said in (J/TH, USD per TH/s, ...): such a number needs no cue. */
const metricOfUnit = new Map(metrics.filter((m) => m.impliedByUnit).map((m) => [m.unit, m]));

/** Counts said in a noun only one metric counts: "4,096 GPUs". */
const countNounMetrics = metrics.filter((m) => m.countNouns).map((m) => ({ metric: m, pattern: new RegExp(`^(?:${m.countNouns!.join('|')})$`, 'i') }));
function metricOfNoun(q: Quantity): MetricDefinition | undefined {
  if (q.unit !== 'units') return undefined;
  const noun = q.surface.replace(/^[^A-Za-z]*(?:(?:million|thousand|billion)\s+)?/i, '').trim();
  return countNounMetrics.find(({ pattern }) => pattern.test(noun))?.metric;
}

/** Speakers whose numbers are statements; the operator reads none. An analyst restating a figure states it too. */
const statingRoles = new Set(['executive', 'investor_relations', 'analyst']);

/** Words that join two numbers of one metric: "from $93,000 to $82,100", "40 EH/s by 2025 and 50 EH/s by 2026". */
const linkedPhrase =
  /^[^,;.]{0,40}?,?\s*(?:[a-z-]+\s+){0,2}\b(?:to|and|or|but|from|versus|vs\.?|compared (?:to|with)|compares? (?:to|with)|against|then|over|now)\s+(?:[a-z-]+\s+){0,3}$/i;

const comparedThan = /^[^;.]{0,30}?\b(?:narrower|wider|smaller|larger|bigger|higher|lower|better|worse)\s+than\s+(?:the\s+)?$/i;

/** The quantities (sorted by start) that lie within [from, to). */
function sentenceQuantities(sorted: Quantity[], starts: number[], from: number, to: number): Quantity[] {
  const found: Quantity[] = [];
  for (let i = firstAtLeast(starts, from); i < sorted.length && sorted[i].start < to; i++) if (sorted[i].end <= to) found.push(sorted[i]);
  return found;
}

/** A year a sentence speaks of as a whole ("last year", "in 2024", "next year"), for the sentence after it; `forward` when it lies ahead. */
interface SaidYear {
  period: string;
  forward: boolean;
}

const anyPeriodWord = /\b(?:quarters?|Q[1-4]|years?|\d{4}|['’]\d{2}|january|february|march|april|may|june|july|august|september|october|november|december|today|now|currently|as of|months?|H[12]|half|annual\w*)\b/i;

function yearSaid(text: string, calendar: CallCalendar): SaidYear | null {
  if (!/\b(?:next year|last year|this year|(?:in|for|during|by) (?:fiscal )?\d{4}|(?:the )?(?:full|fiscal) year)\b/i.test(text)) return null;
  const forward = isForward(text) || /\bnext year\b/i.test(text);
  // a sentence about a quarter, or a plan in a past-tense sentence, leaves nothing to carry
  if (!forward && /\b(?:quarter|Q[1-4])\b/i.test(text)) return null;
  const period = statedPeriod({ text, at: text.length, end: text.length, leftLimit: 0, rightLimit: text.length, firstAt: text.length }, 'flow', calendar, forward);
  if (!period || !/^\d{4}(?:H[12])?$/.test(period)) return null;
  if (forward !== isFuturePeriod(period, calendar)) return null;
  return { period, forward };
}

/** Words before an amount that make it the guidance a result is measured against. */
const guidanceBefore =
  /\b(?:beat|beating|exceed\w*|above|ahead of|in line with|met|compared (?:to|with)|versus|vs\.?)\s+(?:the |our )?(?:(?:previous(?:ly)?|prior|original) )?(?:(?:issued|provided|given) )?guidance(?: range)?\s+(?:of\s+)?(?:approximately\s+|about\s+)?$/i;

/** The largest hash rate one machine has: a fleet or a network is larger. */
const oneMachineMax = 2000;

/**
 * "we purchased an additional 32,470 bitcoin in Q4": bitcoin bought in a period is a change of
 * the holdings, of the kind the period says (the quarter, the year, or since an event); with no
 * period said, no fact.
 */
function bitcoinBought(text: string, item: Placed): { kind: ChangeKind; direction: number } | null {
  const before = text.slice(Math.max(0, item.at - 80), item.at);
  if (item.q.unit !== 'BTC' || !/\b(?:purchased|bought|acquired|added|accumulated)\b(?:\s+(?:an?|additional|approximately|about|roughly|around|over|nearly|another|a further|a total of|more than)){0,3}\s*$/i.test(before)) return null;
  if (/\b(?:sold|mined|produced)\b/i.test(before.slice(-40))) return null;
  const kind: ChangeKind | null = /\bsince\b|\b(?:over|in|during) the (?:last|past) \d+ (?:months|weeks|days)\b/i.test(text)
    ? 'since'
    : /\b(?:during|for|over|throughout|across) the (?:full |whole |fiscal )?year\b|\bfull[- ]year\b/i.test(text)
      ? 'yoy'
      : /\b(?:in|during) (?:the )?(?:quarter|Q[1-4]|(?:first|second|third|fourth) quarter)\b|\bthis quarter\b/i.test(text)
        ? 'qoq'
        : null;
  return kind ? { kind, direction: 1 } : null;
}

const quarterOrdinals: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, one: 1, two: 2, three: 3, four: 4 };

/** "by the end of the third quarter, ... had accumulated orders": a deadline already past is no plan. */
function withoutPastDeadlines(text: string, calendar: CallCalendar): string {
  return text.replace(/\bby (?:the )?end of (?:the )?(?:(first|second|third|fourth) quarter|q([1-4])|quarter (one|two|three|four))(?: of (\d{4}))?/gi, (m, o: string, qd: string, w: string, y: string) => {
    const quarter = quarterOrdinals[(o ?? w ?? '').toLowerCase()] ?? Number(qd);
    const year = y ? Number(y) : calendar.year;
    return year * 4 + quarter <= calendar.year * 4 + calendar.quarter ? ' '.repeat(m.length) : m;
  });
}

/** A bare number that is a change in the unit of the sentence's subject: "1,200 more than at the end of the prior quarter". */
const countChangeAfter = /^\s*(?:more|fewer|additional|less)\b/i;

/**
 * A bare number said as a change against an earlier period, right after a level it changes:
 * "we held 12,345 bitcoin, an increase of 2,010 over the previous year". Both the change word
 * before it and the period compared after it are needed: a bare number is otherwise no quantity.
 */
const countChangeBefore = /(?<![\w-])(?:an? (?:increase|decrease|rise|drop|decline|reduction|gain) of|(?:increased|decreased|grew|rose|fell|declined|up|down) by)(?: (?:approximately|about|around|roughly|nearly|almost|over|more than|some))?\s*$/i;
const countComparedAfter = /^\s*(?:over|from|compared (?:to|with)|versus|vs\.?)\s+(?:the\s+)?(?:(?:previous|prior|last|preceding)\s+(?:year|quarter)|(?:end of (?:the )?)?(?:prior|previous|last)[- ](?:year|quarter)(?:'s)?(?:\s+(?:end|level|quarter))?|a year (?:ago|earlier|before)|(?:the )?same (?:period|quarter) (?:a year ago|last year|of (?:the )?(?:prior|previous|last) year))\b/i;
const isCountChange = (text: string, at: number, end: number) =>
  countChangeAfter.test(text.slice(end, end + 20)) || (countChangeBefore.test(text.slice(Math.max(0, at - 40), at)) && countComparedAfter.test(text.slice(end, end + 60)));

/**
 * The bare count a count change is measured from, dated by the words after it: "98 more than the
 * 1,114 at the end of last quarter" is the level at the end of last quarter.
 */
const countBaseBefore = /(?:\d\s+(?:more|fewer|less|additional)\s+(?:[a-z]+\s+)?than|\d%\s+(?:from|versus|compared (?:to|with)))\s+(?:the\s+)?(?:approximately |about |roughly |nearly )?$/i;
const countBaseDatedAfter = new RegExp(
  '^\\s*(?:(?:that\\s+)?(?:we|they)\\s+(?:held|had|reported|mined|produced|delivered|sold|shipped)\\s+)?(?:at|as of|on|in|during|for)\\s+(?:the\\s+)?(?:(?:end|close) of\\s+(?:the\\s+)?)?' +
    '(?:(?:last|prior|previous|preceding)\\s+(?:quarter|year)|(?:first|second|third|fourth)\\s+quarter|q[1-4]\\b|\\d{4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)\\b)' +
    '|^\\s*(?:(?:that\\s+)?(?:we|they)\\s+(?:held|had|reported|mined|produced|delivered|sold|shipped)\\s+)?(?:a year (?:ago|earlier|before)|(?:in\\s+)?the (?:same|prior[- ]year) (?:quarter|period))',
  'i',
);
const isCountBase = (text: string, at: number, end: number) => countBaseBefore.test(text.slice(Math.max(0, at - 40), at)) && countBaseDatedAfter.test(text.slice(end, end + 50));

const LEFT_REACH = 90;
const RIGHT_REACH = 45;

/**
 * Classifies each English quantity into at most one KPI fact: the metric from the nearest cue
 * phrase in its sentence, then period, basis, change and entity from the words around it.
 * Precision first: a quantity with no cue, or in a hypothetical, makes no fact.
 */
export function classifyFacts(t: SegmentedTranscript, quantities: Map<number, Quantity[]>, calendar: CallCalendar | null): FactDraft[] {
  if (!calendar) return [];
  const facts: FactDraft[] = [];
  const sentencesOf = new Map<number, Sentence[]>();
  for (const s of t.sentences) {
    const list = sentencesOf.get(s.paragraphIndex);
    if (list) list.push(s);
    else sentencesOf.set(s.paragraphIndex, [s]);
  }
  // what a speaker's turn is about: a fourth-quarter call's "fiscal year" highlights, the interval of the last comparison
  let scope: SentenceScope = { frame: null, interval: null };
  // figures said with their period, for the same figures said again without it
  const valuesSaid = new Map<string, string>();
  let turn: number | null = null;
  for (const p of t.paragraphs) {
    if (p.section === 'summary' || !p.en || !p.speakerRole || !statingRoles.has(p.speakerRole)) continue;
    if (p.turnIndex !== turn) scope = { frame: null, interval: null };
    else if (scope.frameReach === 'paragraph') scope = { ...scope, frame: null };
    turn = p.turnIndex;
    const paragraphQuantities = quantities.get(p.index) ?? [];
    // quantities come in the order they are said: each sentence takes its run of them by a binary search
    const starts = paragraphQuantities.map((q) => q.start);
    let previousMetric: string | null = null;
    let carriedYear: SaidYear | null = null;
    // the quantities of the paragraph's last two sentences, and the facts they made
    const recent: Said[] = [];
    for (const s of sentencesOf.get(p.index) ?? []) {
      scope = { ...frameOf(s.text, scope, calendar, isForward(s.text)), previousYear: carriedYear };
      carriedYear = yearSaid(s.text, calendar);
      const offset = s.start - p.en.start;
      const placed = joinSplitRanges(
        s.text,
        sentenceQuantities(paragraphQuantities, starts, offset, offset + s.text.length).map((q) => ({ q, at: q.start - offset, end: q.end - offset })),
      );
      let found = classifySentence(s, p, placed, calendar, previousMetric, scope, valuesSaid);
      if (found.length && isFragment(s.text)) found = found.flatMap((f) => echoOf(f, recent, s.start - offset) ?? [f]);
      if (found.length && assumption.test(s.text)) found = assumedForGuidance(found, recent, calendar);
      if (found.length && byThen.test(s.text)) found = datedByThen(found, recent, calendar);
      recent.push({ quantities: placed.map(({ q }) => q), facts: found });
      if (recent.length > 2) recent.shift();
      if (found.length) previousMetric = found[found.length - 1].metric;
      facts.push(...found);
    }
  }
  return facts;
}

/** Words of a plan or goal, which make a forward value a target, and of guidance, which keep it guidance (METRICS.md, "Period and basis"). */
const planWords = /\b(?:plan(?:s|ned)?|goal|target(?:s|ed|ing)?|aim(?:s|ing)?|aspir\w+|ambition)\b/i;
const guidanceWords = /\b(?:expect\w*|guid\w*|outlook|forecast\w*|anticipat\w*|project(?:s|ed|ing|ion)?|estimat\w*)\b/i;

/** "That assumes a bitcoin price of $110,000": the market a guidance was made on. */
const assumption = /\bassum(?:e|es|ed|ing|ptions?)\b/i;

/**
 * "For the third quarter we expect revenue of $80 million. That assumes a bitcoin price of
 * $110,000.": a market figure the guidance just given assumes is one of the period guided, when
 * no other is said for it (it has the call's own quarter).
 */
function assumedForGuidance(found: FactDraft[], recent: readonly Said[], calendar: CallCalendar): FactDraft[] {
  const guided = [...recent.flatMap((r) => r.facts), ...found].filter((f) => f.basis === 'guidance').pop();
  const callQuarter = `${calendar.year}Q${calendar.quarter}`;
  if (!guided || guided.period === callQuarter) return found;
  return found.map((f) => (f.basis === 'market' && f.changeKind === null && f.period === callQuarter ? { ...f, period: guided.period } : f));
}

/** Words of a product in design: its rating is what it is to have. */
const designWords = /\b(?:design(?:ed|ing)?|next[- ]generation|sampl(?:e|es|ed|ing))\b/i;

/** "By then we are targeting fleet efficiency below 16 J/TH": the date of the plan just said. */
const byThen = /\bby then\b/i;

/**
 * "...22 exahash by the end of the second quarter of 2026, and bring fleet efficiency to 17.5
 * J/TH by then": a figure said "by then", with no date of its own (the call's quarter or its
 * end), is a plan of the date of the last plan said before it in the sentence or the two before.
 */
function datedByThen(found: FactDraft[], recent: readonly Said[], calendar: CallCalendar): FactDraft[] {
  const own = [`${calendar.year}Q${calendar.quarter}`, calendar.quarterEnd];
  return found.map((f, i) => {
    if (f.changeKind !== null || !own.includes(f.period)) return f;
    const earlier = [...recent.flatMap((r) => r.facts), ...found.slice(0, i)].filter((g) => (g.basis === 'target' || g.basis === 'guidance') && !own.includes(g.period)).pop();
    if (!earlier) return f;
    return { ...f, period: earlier.period, basis: f.basis === 'actual' ? 'target' : f.basis, confidence: 'low' };
  });
}

interface Said {
  quantities: Quantity[];
  facts: FactDraft[];
}

/** A sentence of a few words ("Yes, 10% BTC yield.", "So, 50 exahash."): no verb of its own to read a period or basis from. */
const isFragment = (text: string) => text.split(/\s+/).filter(Boolean).length <= 6;

/**
 * "We target a 10% BTC yield. Yes, 10% BTC yield.": a fragment that says again a figure of the
 * sentence or two before it is that statement, with its metric, basis and period; when that
 * statement made no fact, neither does the fragment, which has nothing to be read from. Returns
 * null for a figure not said just before; [] to leave it out.
 */
function echoOf(f: FactDraft, recent: readonly Said[], paragraphStart: number): FactDraft[] | null {
  if (f.changeKind !== null) return null;
  for (let i = recent.length - 1; i >= 0; i--) {
    const earlier = [...recent[i].quantities].reverse().find((q) => q.value === f.value && q.valueHigh === f.valueHigh && (q.unit === f.unit || !q.unit));
    if (!earlier) continue;
    const statement = recent[i].facts.find((g) => g.changeKind === null && g.start >= paragraphStart + earlier.start && g.start < paragraphStart + earlier.end);
    if (!statement) return [];
    return [{ ...f, metric: statement.metric, basis: statement.basis, period: statement.period, entity: f.entity ?? statement.entity }];
  }
  return null;
}

function classifySentence(s: Sentence, p: Paragraph, placed: Placed[], calendar: CallCalendar, previousMetric: string | null, scope: SentenceScope, valuesSaid: Map<string, string>): FactDraft[] {
  const text = s.text;
  placed = bareNumberUnits(text, borrowUnits(text, placed.map((item) => misstatedEfficiency(text, item) ?? item)));
  let usable = placed.filter(
    ({ q, at, end }) => (q.unit || isCountChange(text, at, end) || isCountBase(text, at, end)) && !q.flags.includes('unit_mismatch') && q.dimension !== 'temperature',
  );
  // in a question, only the premise said before the question itself states a value
  const askedFrom = hypotheticalQuestionAt(text);
  if (askedFrom !== null) usable = usable.filter((item) => item.end <= askedFrom);
  if (!usable.length) return [];
  const lastOfUnit = new Map<string, { metric: MetricDefinition; end: number; value: number }>();
  let lastLevel: { metric: MetricDefinition; end: number; period: string } | null = null;
  const cues = bindCues(text, usable);
  const models = findModels(text);
  const regions = findRegions(text);
  const segments = findSegments(text);
  const sites = findSites(text);
  const facts: FactDraft[] = [];
  const subject = startsWithReference(text) ? previousMetric : null;
  const respective = respectively(text, usable, regions);
  const othersSpoken = isAboutOthers(text);

  for (const [index, item] of usable.entries()) {
    const { q, at, end } = item;
    const before = text.slice(Math.max(0, at - 150), at);
    if (isNoFactContext(before, text.slice(end, end + 30))) continue;
    const clause = clauseAround(text, at, end, askedFrom);
    // "a $9.7 billion contract with a customer, which we expect to deliver $1.9 billion a year": a relative clause with a number of its own speaks of that number
    const relativeAt = /,\s+(?:which|who)\b/i.exec(text.slice(end, clause.end));
    const relative = relativeAt && usable.some((u) => u.at > end + relativeAt.index && u.end <= clause.end) ? relativeAt : null;
    const forward = isForward(withoutPastDeadlines(text.slice(clause.start, relative ? end + relative.index : clause.end), calendar));
    const measured = changeOf(text, item, q.unit === '%', calendar, scope.span ?? null);
    // "increased by $25 million in Q4 versus Q3" with no way to tell the comparison: no fact
    if (measured === 'unmeasured') continue;
    const bought = measured ? null : bitcoinBought(text, item);
    const change = measured ?? bought;
    // "we ended up with $7 million more cash": more than what is not said, so it is no level and no measured change
    if (!change && q.unit && /^\s+(?:more|less|fewer)\b(?![^.;]*\bthan\b)/i.test(text.slice(end, end + 60))) continue;
    const countBase = !q.unit && !change && isCountBase(text, at, end);
    const cue = cues.get(item);
    const linked = linkedMetric(text, placed, item, lastOfUnit.get(unitClass(q)));

    let metric: MetricDefinition | undefined;
    const perUnit = q.unit === 'USD' ? perUnitAfter(text, item) : undefined;
    // how the metric was decided, for the fact's confidence: a cue of its own clause, or a reading of the words around it
    let decided: Evidence = 'strong';
    // "revenue of $74 million, above our guidance of $73 million": the guidance for the same metric and period
    const guidanceOf: { metric: MetricDefinition; end: number; period: string } | null = !change && q.unit && lastLevel?.metric.unit === q.unit && guidanceBefore.test(before) ? lastLevel : null;
    const cueInClause = cue !== undefined && cue.start >= clause.start && cue.end <= clause.end;
    if (guidanceOf) {
      metric = guidanceOf.metric;
      decided = 'medium';
    } else if (bought) {
      metric = metricById.get('btc_held');
    } else if (q.unit === '%') {
      metric = change ? changedMetric(text, item, cue, lastLevel, subject) : cue?.metric.unit === '%' ? cue.metric : linked;
      decided = metric && cue?.metric === metric ? (cueInClause ? 'strong' : 'medium') : metric && lastLevel?.metric === metric ? 'medium' : 'weak';
    } else if (!q.unit) {
      // a bare count said as a change of the sentence's subject: "1,200 more than last quarter"
      const base = lastLevel?.metric ?? (subject ? metricById.get(subject) : undefined);
      metric = (change || countBase) && base && ['BTC', 'units'].includes(base.unit) ? base : undefined;
      decided = lastLevel ? 'medium' : 'weak';
    } else if (perUnit) {
      // "a $42 hash price", "$4.52 negative per diluted share": the words after the amount say what it is per
      metric = perUnit.metric;
    } else if (metricOfNoun(q)) {
      // "4,096 GPUs": the count's own noun names the metric
      metric = metricOfNoun(q);
    } else if (metricOfUnit.has(q.unit)) {
      metric = cue?.metric.unit === q.unit ? cue.metric : metricOfUnit.get(q.unit);
      if (metric?.impliedByUnit === 'likely' && (cue?.metric !== metric || !cueInClause)) decided = 'medium';
    } else if (cue && (cue.metric.unit === q.unit || otherCurrency(cue.metric, q) || perShareCue(cue, item) || (cue.metric.unit === 'USD/kWh' && canDescribe(cue.metric, item)))) {
      metric = cue.metric;
      decided = cueInClause ? 'strong' : 'medium';
    } else if (change && (lastLevel || subject)) {
      metric = lastLevel?.metric ?? metricById.get(subject!);
      if (metric?.unit !== q.unit) metric = undefined;
      decided = lastLevel ? 'medium' : 'weak';
    } else if (!linked && subject && metricById.get(subject)?.unit === q.unit && /\b(?:from|compared (?:to|with)|compares? (?:to|with)|versus)\s+(?:[a-z]+\s+)?$/i.test(before)) {
      // "That is up 15% since December 31 and up from 5.7 exahash a year earlier": the subject carried over
      metric = metricById.get(subject);
      decided = 'weak';
    } else {
      metric = linked;
      decided = 'medium';
    }
    if (!metric && q.unit === 'TH/s' && nearestEntity(models, at, end, 60) && hasSpecCue(text)) metric = metricById.get('product_hashrate');
    // no fleet or network runs at 2 PH/s or less: such a hash rate is one machine's
    const oneMachine = q.unit === 'TH/s' && !change && (q.valueHigh ?? q.value) <= oneMachineMax;
    if (oneMachine) {
      if (metric?.id !== 'product_hashrate') decided = 'medium';
      metric = metricById.get('product_hashrate');
    }
    const line = !metric || (!cue && linked === metric) ? revenueLineBefore(text, item, index > 0 ? usable[index - 1].end : 0) : undefined;
    if (line) {
      metric = line.metric;
      decided = 'strong';
    }
    if (!metric) {
      metric = fallbackMetric(text, item, forward, calendar, clause);
      decided = 'weak';
    }
    if (!metric) continue;
    if ((othersSpoken || isHypothetical(before)) && metric.defaultBasis !== 'market') continue;

    // which statement of its family: a model's rating, a plan, or what is running
    const model = nearestEntity(models, at, end, 150);
    const oneModel = metric.ofOneModelAs ? metricById.get(metric.ofOneModelAs) : undefined;
    if (oneModel && model && !change && hasSpecCue(text.slice(Math.max(0, model.start - 10), end + 10)) && canDescribe(oneModel, item)) {
      metric = oneModel;
    } else if (metric.plannedAs && forward) {
      metric = metricById.get(metric.plannedAs)!;
    } else if (metric.actualAs && !forward) {
      metric = metricById.get(metric.actualAs)!;
    }
    // "convertible debt, $6.2 billion in '24 and $2 billion in '25": debt dated by a year or quarter, not a balance, was raised in it
    if (metric.id === 'debt' && !change && !/\b(?:outstanding|as of|as at|at (?:the )?(?:end|year-end|quarter-end)|balance|due|matur\w*)\b/i.test(text.slice(clause.start, clause.end))) {
      const said = statedPeriod({ text, at, end, leftLimit: Math.max(index > 0 ? usable[index - 1].end : 0, clause.start), rightLimit: Math.min(index + 1 < usable.length ? usable[index + 1].at : text.length, clause.end), firstAt: usable[0].at }, 'flow', calendar, false);
      if (said && /^\d{4}(?:Q[1-4]|H[12])?$/.test(said) && said !== `${calendar.year}Q${calendar.quarter}`) metric = metricById.get('financing')!;
    }
    const unit = q.unit === 'USD' && (metric.unit === 'USD/share' || metric.unit === 'USD/kWh' || metric.unit === 'USD/(PH/s)/day') ? metric.unit : q.unit || metric.unit;
    if (!change && !canDescribe(metric, perUnit?.metric === metric || countBase ? { ...item, q: { ...q, unit: metric.unit } } : item)) continue;
    // "Bitcoin began the period at $111,000 ... However, ... prices falling to roughly $87,000": a market price said right after the bitcoin price's is bitcoin's
    const carriedMarket = metric.defaultBasis === 'market' && previousMetric === metric.id && cue?.metric === metric;
    if (metric.requiresContext && !carriedMarket && !contextPattern(metric).test(text.slice(clause.start, clause.end))) continue;
    if (metric.excludesContext && exclusionPattern(metric).test(text.slice(Math.max(clause.start, at - 100), end))) continue;
    if (metric.notAfter && !change && notAfterPattern(metric).test(text.slice(Math.max(0, at - 60), at))) continue;
    if (metric.voidedBy && voidingPattern(metric).test(text)) continue;
    // "a $15 million to $20 million business in 2025 if the old machines keep coming": a condition after it
    if (metric.defaultBasis !== 'market' && /^[^.;]*?\bif\b/i.test(text.slice(end, clause.end))) continue;

    // "net income of $528.3 million or $1.24 per diluted share in the fourth quarter of 2024": a restatement joined by "or" shares the period
    let next = index + 1;
    while (next < usable.length && /^\s*,?\s*or\s+$/i.test(text.slice(usable[next - 1].end, usable[next].at))) next++;
    const limits = {
      text,
      at,
      end,
      leftLimit: Math.max(index > 0 ? usable[index - 1].end : 0, clause.start),
      rightLimit: Math.min(next < usable.length ? usable[next].at : text.length, clause.end),
      firstAt: usable[0].at,
      delivery: metric.datedByDelivery ?? false,
      previousEnd: index > 0 ? usable[index - 1].end : undefined,
    };
    // a value for a period after the call's own is a plan or guidance, whatever the verb
    // a balance-sheet stock said at a later date ("notes with a put on June 4, 2027") is no plan
    const plannable = metric.kind !== 'stock' || metric.unit === 'TH/s' || metric.unit === 'MW';
    const ahead = forward || (plannable && isFuturePeriod(resolvePeriod(limits, metric.kind === 'spec' ? 'stock' : metric.kind, calendar, false), calendar, true));
    if (metric.plannedAs && ahead) metric = metricById.get(metric.plannedAs)!;
    // "delivering models with approximately 17 joules per terahash": an efficiency said of products, no model named, is their spec
    const ofProducts =
      metric.kind === 'spec' &&
      !metric.ofOneModelAs &&
      // "this 6 exahash of 13.5-joule machines": a rating said as the machines' adjective
      ((/^[\s-]*(?:joules?|J\/TH|J\/T)?[\s-]*(?:machines?|miners?|rigs?|units?|ASICs?)\b/i.test(text.slice(end, end + 25))) ||
        (!forward && !model && /\b(?:models?|machines?|products?|series|devices?)\b/i.test(text.slice(clause.start, clause.end)) && !/\bfleets?\b|\bminers\b/i.test(text)) ||
        // "rated at 560 terahash per second and 11.9 joules per terahash": an efficiency beside one machine's hash rate is that machine's
        (!forward && !/\bfleets?\b/i.test(text) && usable.some((u) => u !== item && u.q.unit === 'TH/s' && (u.q.valueHigh ?? u.q.value) <= oneMachineMax && Math.abs(u.at - at) <= 60)));
    let basis = ofProducts ? 'spec' : guidanceOf ? 'guidance' : oneMachine && forward && !model ? 'target' : basisOf(metric, ahead, model !== null && (metric.entityFromModel ?? false));
    // "our plan is for 36 exahash sold in 2026": an operating flow planned, with no word of guidance, is a target
    // (money planned, "we plan to spend $70 million", is guidance, as the contract's examples have it)
    if (basis === 'guidance' && !guidanceOf && metric.unit !== 'USD' && !/^[A-Z]{3}$/.test(unit)) {
      const words = text.slice(clause.start, clause.end);
      if (planWords.test(words) && !guidanceWords.test(words)) basis = 'target';
    }
    let value = q.value;
    let valueHigh = q.valueHigh;
    const negate = () => ([value, valueHigh] = [-(valueHigh ?? value), valueHigh === null ? null : -value]);
    if (change) {
      if (change.direction < 0 && value > 0) negate();
    } else if (value > 0 && perUnit?.negative) {
      negate();
    } else if (value > 0 && saysLossOf(metric, cue, text, lastOfUnit.get(unitClass(q))?.end ?? 0, at)) {
      negate();
    } else if (value > 0 && metric.signed && !cue && linked === metric && (lastOfUnit.get(unitClass(q))?.value ?? 0) < 0) {
      // "net loss was $28.7 million, narrowing 61% from $72.9 million": the earlier figure is a loss too
      negate();
    }
    // a fleet's efficiency is a state at a date; a model's rating is not
    const kind = metric.kind === 'spec' && basis !== 'spec' ? 'stock' : metric.kind;
    const planned = basis === 'guidance' || basis === 'target';
    const resolved = resolvePeriod(limits, kind, calendar, planned);
    let period: string = guidanceOf?.period ?? resolved;
    // a change is stated of the new value: an earlier period named beside it is what it is compared with
    if (change && isEarlierPeriod(period, calendar)) period = resolvePeriod({ ...limits, leftLimit: at, rightLimit: end, firstAt: 0 }, kind, calendar, false);
    // "took full-year sales to 31.5 exahash, up 48% on 2024": a change said right after the level it changes is of the level's period
    const ofLevel = change && lastLevel?.metric === metric && /^\s*,?\s*(?:up|down|an? (?:increase|decrease|rise|decline) of)\s*(?:(?:approximately|about|roughly|nearly|over|more than|some)\s+)?$/i.test(text.slice(lastLevel.end, at));
    if (ofLevel && !statedPeriod({ ...limits, leftLimit: at, firstAt: 0 }, kind, calendar, false)) period = lastLevel!.period;
    const compared = change ? null : comparisonWordAt(text, item, usable[index + 1]);
    if (compared && !planned && !statedPeriod({ ...limits, leftLimit: Math.max(limits.leftLimit, compared.at), firstAt: 0 }, kind, calendar, false)) {
      // the base of a comparison, or the start of "from A to B", is a value of the earlier period
      const earlier = comparisonBasePeriod(text, item, compared.fromTo, kind, calendar, scope);
      if (earlier) period = earlier;
    }
    const ownPeriod = statedPeriod(limits, kind, calendar, planned);
    // how the period was decided: said in the number's own words is sure; none said (the call's own), or read from the comparison, is likely; carried from other sentences, weak
    let dated: Evidence = ownPeriod && period === resolved ? 'strong' : 'medium';
    // a figure said again without its period keeps the period it was said with: "our goal of 10 EH/s" after "10 EH/s by the first half of 2025"
    const sayingKey = `${metric.id} ${basis} ${change?.kind ?? ''} ${value} ${valueHigh}`;
    // a result is said again "as I mentioned"; a plan is repeated without a word to say so
    const repeated = planned || /\bas (?:I|we)(?:'ve)? (?:mentioned|said|noted|discussed)\b|\bas mentioned\b|\bagain\b/i.test(text);
    if (ownPeriod) valuesSaid.set(sayingKey, period);
    else if (repeated && valuesSaid.has(sayingKey)) {
      period = valuesSaid.get(sayingKey)!;
      dated = 'medium';
    } else if (planned && scope.previousYear?.forward) {
      // "The next year, our products must improve. I believe 10 to 15 J/TH is achievable.": a plan with no date of its own takes the year just said
      period = scope.previousYear.period;
      dated = 'weak';
    }
    if (scope.frame && !planned && (kind === 'flow' || kind === 'price') && metric.defaultBasis === 'actual' && !ownPeriod) {
      // a fourth-quarter call speaking of its fiscal year: its flows are the year's
      period = scope.frame;
      dated = 'medium';
    } else if (!planned && !ownPeriod && (kind === 'flow' || kind === 'price') && metric.defaultBasis === 'actual' && scope.previousYear && !scope.previousYear.forward && !anyPeriodWord.test(text.replace(/\b(?:year[- ]over[- ]year|a year ago)\b/gi, ' '))) {
      // "Last year, we sold $7 billion of notes. And we raised over $25 billion.": a result with no period word of its own continues the year just said
      period = scope.previousYear.period;
      dated = 'weak';
    }
    // "the Falcon K9, on track to sample in the fourth quarter, with a design target of under 10 J/TH": the rating a model
    // in design is to have is a target of the call's quarter; the date said is the model's, not the rating's
    if (metric.kind === 'spec' && (forward || planned || basis === 'spec') && !change && designWords.test(text.slice(clause.start, clause.end))) {
      basis = 'target';
      period = `${calendar.year}Q${calendar.quarter}`;
    }
    facts.push({
      metric: metric.id,
      value,
      valueHigh,
      unit,
      statedValue: q.statedValue,
      statedUnit: q.statedUnit,
      qualifier: q.qualifier,
      period,
      basis,
      changeKind: change ? change.kind : null,
      entity: line?.metric.id === 'revenue_other' ? line.name : entityOf(metric, cue, model, respective.get(item) ?? nearestEntity(regions, at, end, 80), { segment: nearestEntity(segments, at, end, 60), site: nearestEntity(sites, at, end, 60) }),
      speaker: p.speaker,
      section: p.section,
      paragraphIndex: p.index,
      start: s.start + at,
      end: s.start + end,
      quote: q.surface,
      sentence: text,
      confidence: decided === 'weak' || dated === 'weak' ? 'low' : decided === 'strong' && dated === 'strong' ? 'high' : 'medium',
    });
    if (!change) {
      lastOfUnit.set(unitClass(q), { metric, end, value });
      lastLevel = { metric, end, period };
    } else if (/^\s*,?\s*from\b/i.test(text.slice(end, end + 12))) {
      // "increased by $17 billion from $41.8 billion ... to $58.9 billion": the levels compared take the change's metric
      lastOfUnit.set(unitClass(q), { metric, end, value });
    }
  }
  return facts;
}

/**
 * The metric a percentage change is of: a cue of its own said after the last level ("revenue
 * was $X, and gross margin improved 5%"), else the level it follows ("stood at 12.6 EH/s, up
 * 140%"), else the sentence's cue or the subject carried over from the sentence before.
 */
function changedMetric(text: string, item: Placed, cue: CueMatch | undefined, lastLevel: { metric: MetricDefinition; end: number; period: string } | null, subject: string | null): MetricDefinition | undefined {
  const ownClause = cue && (cue.start >= item.end || !/,/.test(text.slice(cue.end, item.at)));
  if (cue && (!lastLevel || (cue.start >= lastLevel.end && ownClause))) return cue.metric;
  if (lastLevel) return lastLevel.metric;
  return subject ? metricById.get(subject) : undefined;
}

/** "at 4.6 cents power": cents said of power are a price per kWh. */
function centsOfPower(item: Placed): boolean {
  return item.q.unit === 'USD' && item.q.value > 0 && item.q.value < 0.5 && /cents?/i.test(item.q.surface);
}

const breakdownPattern = new RegExp(revenueBreakdown, 'i');
// "hosting of customer machines for $14.9 million and the GPU cloud for the remaining $8.4 million": a line may take an article,
// a word before it and an "of ..." after it, and its amount may be "the remaining"
const linePatterns = revenueLines.map(({ metric, pattern }) => ({
  metric,
  pattern: new RegExp(`(?:^|[,;:]\\s*|\\band\\s+)(?:the\\s+|our\\s+)?(?:[A-Za-z]+\\s+)??(${pattern})(?:\\s+of\\s+[A-Za-z]+(?:\\s+[A-Za-z]+)?)?\\s*(?:was|were|of|at|for|accounted for|contributed)?\\s*(?:the\\s+(?:remaining|rest|balance(?: of)?)\\s*)?$`, 'i'),
}));

/** The revenue line named right before an amount in a sentence that breaks revenue down. */
function revenueLineBefore(text: string, item: Placed, previousEnd: number): { metric: MetricDefinition; name: string } | undefined {
  if (item.q.unit !== 'USD' || !breakdownPattern.test(text)) return undefined;
  const before = text.slice(Math.max(previousEnd, item.at - 40), item.at);
  for (const { metric, pattern } of linePatterns) {
    const m = pattern.exec(before);
    if (m) return { metric: metricById.get(metric)!, name: m[1].toLowerCase() };
  }
  return undefined;
}

/**
 * When no cue names the metric: a hash rate said of a later period is a plan ("take us to 22
 * EH/s by mid-2026"); a dollar amount per bitcoin is a cost, a revenue or a price by the word
 * the sentence uses; cents followed by "power" are a power price.
 */
function fallbackMetric(text: string, item: Placed, forward: boolean, calendar: CallCalendar, clause: { start: number; end: number }): MetricDefinition | undefined {
  const { q, at, end } = item;
  if (q.unit === 'TH/s' && q.value > 2000 && q.value < 5_000_000_000) {
    const said = resolvePeriod({ text, at, end, leftLimit: clause.start, rightLimit: clause.end, firstAt: at }, 'stock', calendar, true);
    if (forward && isFuturePeriod(said, calendar)) return metricById.get('hashrate_target');
  }
  if (q.unit === 'USD' && /per (?:bitcoin|BTC|coin)\b/i.test(q.surface)) {
    const words = text.slice(clause.start, clause.end);
    if (/\bcosts?\b|all-in/i.test(words)) return metricById.get('cost_per_btc');
    if (/\brevenue\b|\brealized\b/i.test(words)) return metricById.get('revenue_per_btc');
    if (/\bprice\b/i.test(words)) return metricById.get('btc_price');
  }
  if (centsOfPower(item) && /^\s*(?:all-in\s+)?(?:power|electricity)\b/i.test(text.slice(end, end + 20))) return metricById.get('power_cost');
  return undefined;
}

/**
 * Words right after a dollar amount that say what it is per: "a $42 hash price" is a hashprice,
 * "$4.52 negative per diluted share" a loss per share.
 */
function perUnitAfter(text: string, item: Placed): { metric: MetricDefinition; negative: boolean } | undefined {
  const after = text.slice(item.end, item.end + 40);
  for (const { metric, pattern } of amountSuffixes) {
    const m = pattern.exec(after);
    if (m && canDescribe(metric, { ...item, q: { ...item.q, unit: metric.unit } })) return { metric, negative: m.groups?.negative !== undefined };
  }
  return undefined;
}

const amountSuffixes = metrics.filter((m) => m.saidAfterAmount).map((m) => ({ metric: m, pattern: new RegExp(`^\\s+(?:${m.saidAfterAmount})\\b`, 'i') }));

/** "net loss per share was $0.06": a per-share cue right before a dollar amount makes it per share. */
function perShareCue(cue: CueMatch, item: Placed): boolean {
  return cue.metric.unit === 'USD/share' && item.q.unit === 'USD' && cue.end <= item.at && item.at - cue.end <= 20 && Math.abs(item.q.value) < 1000;
}

/** A loss said with the number: a loss cue ("net loss"), or "was a loss of" between the cue and the number. */
function saysLossOf(metric: MetricDefinition, cue: CueMatch | undefined, text: string, from: number, at: number): boolean {
  if (cue && cue.metric.id === metric.id && isLossCue(metric.id, cue.text)) return true;
  if (metric.unit === 'USD/share') return saysLoss(text.slice(Math.max(0, at - 80), at));
  if (!metric.signed) return false;
  const between = text.slice(Math.max(from, cue && cue.end <= at ? cue.end : at - 40), at);
  return /\b(?:loss|losses|negative|minus)\b/i.test(between);
}

/**
 * "North America and the Middle East contributed 39% and 16%, respectively": the regions listed
 * before the numbers go to them in order, when as many of each are said.
 */
function respectively(text: string, usable: Placed[], regions: EntityMatch[]): Map<Placed, EntityMatch> {
  const bound = new Map<Placed, EntityMatch>();
  if (!usable.length) return bound;
  const listed = regions.filter((r) => r.end <= usable[0].at);
  const numbers = usable.filter((u) => u.q.unit === usable[0].q.unit);
  if (listed.length < 2 || listed.length !== numbers.length) return bound;
  // without "respectively", a list of regions and a list of numbers each joined by "and" pair in order too
  const joined = (spans: { start: number; end: number }[]) => spans.every((a, i) => i === 0 || /^\s*(?:,|,?\s*and)\s*(?:the\s+)?$/i.test(text.slice(spans[i - 1].end, a.start)));
  if (!/\brespectively\b/i.test(text) && !(joined(listed) && joined(numbers.map((n) => ({ start: n.at, end: n.end }))))) return bound;
  numbers.forEach((n, i) => bound.set(n, listed[i]));
  return bound;
}

/**
 * "from 447,000 to 672,500 bitcoin": the unit is said once, after the second number, so the first
 * is a bare number; it takes the second's unit and scale.
 */
function borrowUnits(text: string, placed: Placed[]): Placed[] {
  return placed.map((a, i) => {
    const b = placed[i + 1];
    if (!b || a.q.unit || !b.q.unit || a.q.valueHigh !== null || a.q.statedValue.includes('-')) return a;
    if (!/\bfrom\s+(?:(?:approximately|about|roughly|around|nearly|over|more than)\s+)?$/i.test(text.slice(Math.max(0, a.at - 30), a.at))) return a;
    if (!/^\s*to\s+(?:(?:approximately|about|roughly|around|nearly|over|more than)\s+)?$/i.test(text.slice(a.end, b.at))) return a;
    const said = Number(b.q.statedValue.replace(/,/g, ''));
    if (!Number.isFinite(said) || said === 0) return a;
    const factor = b.q.value / said;
    return { ...a, q: { ...a.q, unit: b.q.unit, dimension: b.q.dimension, statedUnit: b.q.statedUnit, value: a.q.value * factor } };
  });
}

/**
 * "our bitcoin treasury grew by nearly 40% to over 12,000": a bare count the holdings are said to
 * reach, after the words that name them, is a number of bitcoins. A year ("to 2026") is not.
 */
const holdingsNamedBefore = /\b(?:bitcoin|BTC)\s+(?:treasury|holdings?|reserves?|stack)\b(?:[^.;\d]|\d+(?:\.\d+)?\s?%|\.\d)*?\b(?:to|at|reached|totaled|totalled|totaling|totalling)\s+(?:(?:approximately|about|roughly|around|nearly|over|more than|just over|almost)\s+)?$/i;

/** "In April we sold another 45 bitcoin, and we held 1,579 at the end of April": a bare count held, in a sentence of bitcoins. */
const heldBefore = /\b(?:we|we've|we have|we had|we now|we're|we are|we were)\s+(?:now\s+|still\s+|currently\s+)?(?:held|hold|holding)\s+(?:(?:approximately|about|roughly|around|nearly|over|more than|just over|just under|almost|a (?:little|bit) (?:over|under|more than))\s+)?$/i;
const bitcoinWord = /\b(?:bitcoins?|BTC|coins)\b/i;

/** "As Bitcoin price surpassed 85,000": a bare number a bitcoin price is said to reach, at a size only a price has, is dollars. */
const bitcoinPriceBefore = /\b(?:bitcoin|BTC)(?:'s|’s)?(?: (?:spot )?price)?(?: (?:has|had|was|is))? (?:surpassed|passed|hit|reached|topped|crossed|exceeded|broke|broke through|traded at|trading at|at|above|below|around|near|over|under)\s+(?:(?:approximately|about|roughly|around|nearly|over|more than|just over|almost)\s+)?$/i;

/** After a bare price, no noun it would count ("12,000 transactions"): the sentence or clause goes on or ends. */
const nothingCountedAfter = /^\s*(?:[,.;:)!?]|$|(?:and|in|on|by|as|at|during|this|last|before|after|earlier|today|again|for|per|or|but|which|when)\b)/i;

/** Bare numbers whose unit the words before them say: bitcoins held ("treasury grew to over 12,000", "we held 1,579"), or a bitcoin price ("surpassed 85,000"). */
function bareNumberUnits(text: string, placed: Placed[]): Placed[] {
  return placed.map((item) => {
    const { q } = item;
    if (q.unit || q.valueHigh !== null || !Number.isInteger(q.value) || q.value < 1 || /^(?:19|20)\d\d$/.test(q.statedValue)) return item;
    const before = text.slice(Math.max(0, item.at - 90), item.at);
    if (q.value >= 10_000 && q.value <= 1_000_000 && bitcoinPriceBefore.test(before) && nothingCountedAfter.test(text.slice(item.end, item.end + 20))) {
      return { ...item, q: { ...q, unit: 'USD', dimension: 'money' } };
    }
    if (!holdingsNamedBefore.test(before) && !(heldBefore.test(before) && bitcoinWord.test(text))) return item;
    return { ...item, q: { ...q, unit: 'BTC', dimension: 'bitcoin' } };
  });
}

/**
 * "between $15 and $17 per terahash": the unit is said once, after the second number, so the
 * first is read as plain dollars. Two such numbers joined by "and"/"to" are one range in the
 * second's unit.
 */
function joinSplitRanges(text: string, placed: Placed[]): Placed[] {
  const joined: Placed[] = [];
  for (let i = 0; i < placed.length; i++) {
    const a = placed[i];
    const b = placed[i + 1];
    const splitRange =
      b &&
      a.q.unit === 'USD' &&
      b.q.unit.startsWith('USD/') &&
      a.q.valueHigh === null &&
      b.q.valueHigh === null &&
      a.q.value < b.q.value &&
      /^\s*(?:and|to|-|–)\s*$/.test(text.slice(a.end, b.at)) &&
      /\$\s*\d/.test(a.q.surface) &&
      !/\b(?:million|billion|thousand)\b|[MBK]\b/i.test(a.q.surface);
    // "at a 54%, 55% gross margin": two close values side by side are a range, approximately
    const sideBySide =
      b &&
      a.q.unit === b.q.unit &&
      a.q.valueHigh === null &&
      b.q.valueHigh === null &&
      a.q.value < b.q.value &&
      b.q.value - a.q.value <= 0.1 * Math.abs(b.q.value) &&
      /^\s*,\s*$/.test(text.slice(a.end, b.at)) &&
      !(placed[i + 2] && /^\s*,?\s*(?:and\s+)?$/.test(text.slice(b.end, placed[i + 2].at))) &&
      !/\brespectively\b/i.test(text);
    if (sideBySide) {
      const surface = text.slice(a.at, b.end);
      joined.push({ at: a.at, end: b.end, q: { ...b.q, start: a.q.start, surface, statedValue: `${a.q.statedValue}-${b.q.statedValue}`, value: a.q.value, valueHigh: b.q.value, qualifier: 'approximately' } });
      i++;
      continue;
    }
    if (!splitRange) {
      joined.push(a);
      continue;
    }
    const surface = text.slice(a.at, b.end);
    joined.push({
      at: a.at,
      end: b.end,
      q: { ...b.q, start: a.q.start, surface, statedValue: `${a.q.statedValue}-${b.q.statedValue}`, value: a.q.value, valueHigh: b.q.value, qualifier: a.q.qualifier },
    });
    i++;
  }
  return joined;
}

/**
 * Binds every cue phrase to the nearest quantity it can describe (same unit), so that in "we
 * mined 147 bitcoins and held 1,212" each number gets its own verb. A quantity keeps the
 * closest cue bound to it; at equal distance the longer, more specific phrase wins.
 */
function bindCues(text: string, placed: Placed[]): Map<Placed, CueMatch> {
  const best = new Map<Placed, { cue: CueMatch; distance: number }>();
  for (const cue of findMetricCues(text)) {
    // a cue describes the nearest number of each unit it fits: "revenue grew 100% to $766 million"
    const nearestByUnit = new Map<string, { item: Placed; distance: number }>();
    for (const item of placed) {
      if (!canDescribe(cue.metric, item)) continue;
      const said = distanceOf(text, cue, item);
      if (said === null) continue;
      // "we delivered 22.8% BTC yield": a percentage is a level of a metric said in %, or else a change of another, so a % metric's cue comes first
      const distance = (item.q.unit === '%' && cue.metric.unit !== '%' ? said + 20 : said) + (cue.weak ? 10 : 0);
      const nearest = nearestByUnit.get(item.q.unit);
      if (!nearest || distance < nearest.distance) nearestByUnit.set(item.q.unit, { item, distance });
    }
    for (const { item, distance } of nearestByUnit.values()) {
      const current = best.get(item);
      if (!current || distance < current.distance - 2 || (Math.abs(distance - current.distance) <= 2 && cue.text.length > current.cue.text.length)) {
        best.set(item, { cue, distance });
      }
    }
  }
  return new Map([...best].map(([item, { cue }]) => [item, cue]));
}

const contextPatterns = new Map<string, RegExp>();
function contextPattern(metric: MetricDefinition): RegExp {
  let pattern = contextPatterns.get(metric.id);
  if (!pattern) contextPatterns.set(metric.id, (pattern = phrasePattern(metric.requiresContext ?? [], 'i')));
  return pattern;
}

/**
 * "the power efficiency is about 22 to 23 gigawatts per hash": an efficiency said in a unit that
 * cannot be meant, in a sentence about efficiency, with a number in the range of J/TH, means
 * J/TH. The mention keeps its flag, and the unit-misstatement check reports it.
 */
function misstatedEfficiency(text: string, item: Placed): Placed | null {
  const { q } = item;
  if (!q.flags.includes('unit_mismatch') || q.dimension !== 'efficiency' || !/\befficien/i.test(text)) return null;
  const range = metricById.get('efficiency')?.plausible;
  if (!range || q.value < range.min || (q.valueHigh ?? q.value) > range.max) return null;
  return { ...item, q: { ...q, unit: 'J/TH', flags: q.flags.filter((f) => f !== 'unit_mismatch') } };
}

/** Amounts in any currency are one class: "$27.4 million, or C$39.3 million, compared with $18.6 million". */
function unitClass(q: Quantity): string {
  // "4.9 cents per kilowatt hour ... and about 3.5 cents at our other sites": cents of power are a power price
  if (q.unit === 'USD' && q.value > 0 && q.value < 0.5 && /cents?/i.test(q.surface)) return 'USD/kWh';
  return q.dimension === 'money' && /^[A-Z]{3}$/.test(q.unit) ? 'money' : q.unit;
}

const notAfterPatterns = new Map<string, RegExp>();
function notAfterPattern(metric: MetricDefinition): RegExp {
  let pattern = notAfterPatterns.get(metric.id);
  if (!pattern) notAfterPatterns.set(metric.id, (pattern = new RegExp(`\\b(?:${metric.notAfter!.join('|')})\\s*$`, 'i')));
  return pattern;
}

const voidingPatterns = new Map<string, RegExp>();
function voidingPattern(metric: MetricDefinition): RegExp {
  let pattern = voidingPatterns.get(metric.id);
  if (!pattern) voidingPatterns.set(metric.id, (pattern = phrasePattern(metric.voidedBy ?? [], 'i')));
  return pattern;
}

const exclusionPatterns = new Map<string, RegExp>();
function exclusionPattern(metric: MetricDefinition): RegExp {
  let pattern = exclusionPatterns.get(metric.id);
  if (!pattern) exclusionPatterns.set(metric.id, (pattern = phrasePattern(metric.excludesContext ?? [], 'i')));
  return pattern;
}

/** A cue can describe a number in its metric's unit and plausible range, or a percentage (a change of it). */
/** "In Canadian dollars, the net loss was C$28.0 million": an amount in another currency is the metric's, in that currency (METRICS.md: never converted). */
function otherCurrency(metric: MetricDefinition, q: Quantity): boolean {
  return metric.unit === 'USD' && q.dimension === 'money' && /^[A-Z]{3}$/.test(q.unit) && q.unit !== 'USD';
}

function canDescribe(metric: MetricDefinition, item: Placed): boolean {
  const { q } = item;
  if (q.unit === '%') return true;
  const unitFits =
    metric.unit === q.unit ||
    // another currency keeps its code: a revenue in CAD is a revenue, never converted
    (metric.unit === 'USD' && q.dimension === 'money' && /^[A-Z]{3}$/.test(q.unit)) || (metric.unit === 'USD/share' && q.unit === 'USD' && Math.abs(q.value) < 1000) || (metric.unit === 'USD/kWh' && q.unit === 'USD' && (centsOfPower(item) || (q.value > 0 && q.value < 0.5 && !/share/i.test(q.surface))));
  if (!unitFits) return false;
  const range = metric.plausible;
  if (!range) return true;
  const size = Math.abs(q.value);
  return range.minAbs !== undefined ? size >= range.minAbs && size <= Math.max(Math.abs(range.min), range.max) : q.value >= range.min && q.value <= range.max;
}

function distanceOf(text: string, cue: CueMatch, item: Placed): number | null {
  if (cue.end <= item.at) {
    // "$48 million from self-mining": a cue saying where money came from follows its number
    if (/^from\b/i.test(cue.text)) return null;
    // "Our dollar reserve, which we put in place in Q4, is $2.25 billion": a relative clause between subject and verb is an aside
    const between = text.slice(cue.end, item.at).replace(/,\s+(?:which|who)\b[^,;.]*,(?=\s+(?:is|was|are|were|stood|totaled|came to)\b)/gi, ',');
    const gap = between.length;
    // "operating expenses, including $15.8 million of depreciation, were $21.9 million": the part is not the whole
    if (gap > LEFT_REACH || /[;]/.test(between) || /\b(?:including|includes|included|excluding|excludes|of which|such as)\s+(?![^$]*\b(?:was|were|is|are|came|totaled|stood)\b)(?:[a-z]+\s+){0,5}$/i.test(between)) return null;
    // "For our machine sales, we accrued $22.9 million for write-downs": a new clause starts between
    const distance = /,\s+(?:we|our|they|it|the company|which)\b/i.test(between) ? gap + 40 : gap;
    return distance > LEFT_REACH ? null : distance;
  }
  if (cue.start >= item.end) {
    const between = text.slice(item.end, cue.start);
    // "1.2 gigawatts of power": a cue joined by "of" describes the number it follows
    if (/^\s+(?:of|in)\s+$/.test(between) && item.q.unit !== '%') return 0.5;
    // "we received $50 million from our preferred shares financing": money received from a source names it
    if (/^\s+from\s+(?:our |the |its |their |a |an )?(?:[a-z-]+\s+){0,2}$/i.test(between) && /\b(?:received|raised|collected|drew|generated|secured)\s+(?:approximately |about |roughly |over |nearly )?$/i.test(text.slice(Math.max(0, item.at - 40), item.at))) return between.length;
    if (between.length > RIGHT_REACH || /[;,.]/.test(between.replace(/\d[.,]\d/g, '')) || /\b(?:than|compared|versus|from)\b/i.test(between)) return null;
    return between.length * 1.5 + 3;
  }
  return null; // the cue overlaps the number: "hash rate" inside a unit phrase says nothing more
}

// "Phase one adds 150 megawatts, and we expect to energize it in the September quarter": a clause that plans what was just said ("to energize it") is not a break
const clauseBreak = /;|,\s+(?:and|but|while|whereas|although|though)\s(?!(?:we|I)(?:'re| are| will)? (?:expect|plan|anticipate|intend|aim|hope)\w* to (?:[a-z]+ ){1,2}(?:it|them)\b)/g;

/** The clause a number stands in: between semicolons or ", and" / ", while" joins. */
function clauseAround(text: string, at: number, end: number, stopAt: number | null = null): { start: number; end: number } {
  let start = 0;
  let stop = stopAt ?? text.length;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(text); m; m = clauseBreak.exec(text)) {
    if (m.index + m[0].length <= at) start = m.index + m[0].length;
    else if (m.index >= end) {
      stop = m.index;
      break;
    }
  }
  return { start, end: stop };
}

/** "This represents ...", "That is ...": the sentence continues the last one's subject. */
function startsWithReference(text: string): boolean {
  return /^(?:(?:now|so|and|but),?\s+)?(?:this|that|that's|that’s|it|which|these|representing|marking|an? (?:increase|decrease|growth|decline))\b/i.test(text.trim());
}

function basisOf(metric: MetricDefinition, forward: boolean, ofModel: boolean): 'actual' | 'guidance' | 'target' | 'spec' | 'market' {
  if (metric.defaultBasis !== 'actual') return metric.defaultBasis;
  // a rating said of a machine model (an efficiency of the A15 Pro) is its spec
  if (metric.kind === 'spec' && ofModel) return 'spec';
  if (!forward) return 'actual';
  const ahead = metric.forwardBasis === undefined ? (metric.kind === 'flow' || metric.kind === 'price' ? 'guidance' : 'target') : metric.forwardBasis;
  return ahead ?? 'actual';
}

function entityOf(metric: MetricDefinition, cue: CueMatch | undefined, model: { name: string } | null, region: { name: string } | null, place: { segment: { name: string } | null; site: { name: string } | null }): string | null {
  if (metric.id === 'revenue_other' && cue) {
    const line = cue.text
      .replace(/\b(?:revenues?|from|contributed|generated|brought in|added|was|were|came in at|came to|totaled|amounted to|business|segment)\b/gi, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
    return line || null;
  }
  if (metric.id === 'cost_per_btc') {
    const variant = /\b(cash|all-in|direct|marginal|production)\b/i.exec(cue?.text ?? '');
    return variant ? `${variant[1].toLowerCase()}${variant[1].toLowerCase() === 'all-in' ? '' : ' cost'}` : null;
  }
  if (metric.entityFromModel && model) return model.name;
  if (metric.entityFromSegment && place.segment) return place.segment.name;
  if (metric.entityFromSite && place.site) return place.site.name;
  if (metric.entityFromRegion && region) return region.name;
  return null;
}

/**
 * A number with no cue of its own takes the metric of the previous number in the same unit
 * when only a linking word stands between them ("from $93,000 ... to about $82,100").
 */
function linkedMetric(text: string, placed: Placed[], item: Placed, last: { metric: MetricDefinition; end: number; value: number } | undefined): MetricDefinition | undefined {
  if (!last || last.end > item.at) return undefined;
  let between = text.slice(last.end, item.at);
  let percentBetween = false;
  for (const other of placed) {
    if (other.at >= last.end && other.end <= item.at) {
      between = between.replace(other.q.surface, ' ');
      percentBetween ||= other.q.unit === '%';
    }
  }
  // "operating loss was $26.8 million, 41% narrower than the $45.4 million loss a year ago": the base of the change said between
  if (percentBetween && comparedThan.test(between)) return last.metric;
  // "$63,500 on September 30, 2024, versus around $62,000 on June 30": the dates between say when, not what
  between = between.replace(/\b(?:on|as of|at) (?:january|february|march|april|may|june|july|august|september|october|november|december) \d{1,2}(?:, \d{4})?,?/gi, ' ');
  if (between.length > 60 || /[.;?!]/.test(between) || !linkedPhrase.test(between)) return undefined;
  return last.metric;
}

/** Of "net loss of $96.2 million, or $0.31 per share", the nearest result word says loss. */
function saysLoss(before: string): boolean {
  const words = [...before.matchAll(/\b(loss|losses|income|earnings|profit)\b/gi)];
  return words.length > 0 && /^loss/i.test(words[words.length - 1][1]);
}
