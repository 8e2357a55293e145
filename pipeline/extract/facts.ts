import { metricById, type MetricDefinition } from '../../registries/metrics.ts';
import type { Paragraph, SegmentedTranscript, Sentence } from '../segment/segment.ts';
import { changeKindNear, directionOf, findMetricCues, hasSpecCue, isForward, isLossCue, isNoFactContext, type CueMatch } from './cues.ts';
import { findModels, findRegions, nearestEntity } from './entity.ts';
import { resolvePeriod, type CallCalendar } from './period.ts';
import type { Quantity } from './quantity.ts';

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
}

/** A quantity placed in its sentence: offsets relative to the sentence text. */
interface Placed {
  q: Quantity;
  at: number;
  end: number;
}

/** Units whose metric needs no cue phrase: nothing else is said in J/TH or USD per TH/s. */
const metricOfUnit: Record<string, string> = {
  'J/TH': 'efficiency',
  'USD/(TH/s)': 'asp_per_hashrate',
  'USD/(PH/s)/day': 'hashprice',
  'USD/kWh': 'power_cost',
  MW: 'power_capacity',
};

/** Speakers whose numbers are statements of the company; the operator reads none, analysts mostly ask. */
const statingRoles = new Set(['executive', 'investor_relations']);

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
  for (const s of t.sentences) sentencesOf.set(s.paragraphIndex, [...(sentencesOf.get(s.paragraphIndex) ?? []), s]);
  for (const p of t.paragraphs) {
    if (p.section === 'summary' || !p.en || !p.speakerRole || !statingRoles.has(p.speakerRole)) continue;
    const paragraphQuantities = quantities.get(p.index) ?? [];
    let previousMetric: string | null = null;
    for (const s of sentencesOf.get(p.index) ?? []) {
      const offset = s.start - p.en.start;
      const placed = paragraphQuantities
        .filter((q) => q.start >= offset && q.end <= offset + s.text.length)
        .map((q) => ({ q, at: q.start - offset, end: q.end - offset }));
      const found = classifySentence(s, p, placed, calendar, previousMetric);
      if (found.length) previousMetric = found[found.length - 1].metric;
      facts.push(...found);
    }
  }
  return facts;
}

function classifySentence(s: Sentence, p: Paragraph, placed: Placed[], calendar: CallCalendar, previousMetric: string | null): FactDraft[] {
  const usable = placed.filter(({ q }) => q.unit && !q.flags.includes('unit_mismatch') && q.dimension !== 'temperature');
  if (!usable.length) return [];
  const text = s.text;
  const cues = bindCues(text, usable);
  const models = findModels(text);
  const regions = findRegions(text);
  const facts: FactDraft[] = [];
  let sentenceMetric: string | null = null;

  for (const item of usable) {
    const { q, at, end } = item;
    const before = text.slice(Math.max(0, at - 60), at);
    if (isNoFactContext(before)) continue;
    const clause = clauseAround(text, at, end);
    const forward = isForward(text.slice(clause.start, clause.end));
    const change = changeOf(text, item, q.unit === '%');

    let metric: MetricDefinition | undefined;
    let cue: CueMatch | undefined = cues.get(item);
    if (q.unit === '%') {
      metric = percentMetric(cue, change, sentenceMetric ?? (startsWithReference(text) ? previousMetric : null));
      if (!metric) continue;
    } else if (metricOfUnit[q.unit]) {
      metric = metricById.get(metricOfUnit[q.unit]);
    } else if (cue) {
      metric = cue.metric;
    } else if (change && (sentenceMetric || (startsWithReference(text) && previousMetric))) {
      metric = metricById.get((sentenceMetric ?? previousMetric)!);
      if (metric?.unit !== q.unit) metric = undefined;
    }
    if (!metric && q.unit === 'TH/s' && nearestEntity(models, at, end, 60) && hasSpecCue(text)) metric = metricById.get('product_hashrate');
    if (!metric) continue;

    // which hash-rate statement: a model's rating, a plan, or what is running
    const model = nearestEntity(models, at, end, 80);
    if (metric.unit === 'TH/s' && ['hashrate_installed', 'hashrate_target', 'hashrate_sold'].includes(metric.id) && model && !change && hasSpecCue(text.slice(Math.max(0, model.start - 10), end + 10)) && q.value <= 2000) {
      metric = metricById.get('product_hashrate')!;
    } else if (metric.id === 'hashrate_installed' && forward) {
      metric = metricById.get('hashrate_target')!;
    } else if (metric.id === 'hashrate_target' && !forward) {
      metric = metricById.get('hashrate_installed')!;
    }

    const basis = basisOf(metric, forward, model !== null && (metric.entityFromModel ?? false));
    const changeKind = change ? change.kind : null;
    let value = q.value;
    let valueHigh = q.valueHigh;
    if (change) {
      if (change.direction < 0 && value > 0) [value, valueHigh] = [-(valueHigh ?? value), valueHigh === null ? null : -value];
    } else if (cue && cue.metric.id === metric.id && isLossCue(metric.id, cue.text) && value > 0) {
      [value, valueHigh] = [-(valueHigh ?? value), valueHigh === null ? null : -value];
    }
    const period = resolvePeriod({ text, at, end }, metric.kind, calendar, basis === 'guidance' || basis === 'target');
    facts.push({
      metric: metric.id,
      value,
      valueHigh,
      unit: q.unit,
      statedValue: q.statedValue,
      statedUnit: q.statedUnit,
      qualifier: q.qualifier,
      period,
      basis,
      changeKind,
      entity: entityOf(metric, cue, model, nearestEntity(regions, at, end, 80)),
      speaker: p.speaker,
      section: p.section,
      paragraphIndex: p.index,
      start: s.start + at,
      end: s.start + end,
      quote: q.surface,
      sentence: text,
    });
    if (!change) sentenceMetric = metric.id;
  }
  return facts;
}

/**
 * Binds every cue phrase to the nearest quantity it can describe (same unit), so that in "we
 * mined 147 bitcoins and held 1,212" each number gets its own verb. A quantity keeps the
 * closest cue bound to it; at equal distance the longer, more specific phrase wins.
 */
function bindCues(text: string, placed: Placed[]): Map<Placed, CueMatch> {
  const best = new Map<Placed, { cue: CueMatch; distance: number }>();
  for (const cue of findMetricCues(text)) {
    let nearest: { item: Placed; distance: number } | null = null;
    for (const item of placed) {
      if (cue.metric.unit !== item.q.unit && !(item.q.unit === '%' && cue.metric.unit !== '%')) continue;
      const distance = distanceOf(text, cue, item);
      if (distance === null) continue;
      if (!nearest || distance < nearest.distance) nearest = { item, distance };
    }
    if (!nearest) continue;
    const current = best.get(nearest.item);
    if (!current || nearest.distance < current.distance - 2 || (Math.abs(nearest.distance - current.distance) <= 2 && cue.text.length > current.cue.text.length)) {
      best.set(nearest.item, { cue, distance: nearest.distance });
    }
  }
  return new Map([...best].map(([item, { cue }]) => [item, cue]));
}

function distanceOf(text: string, cue: CueMatch, item: Placed): number | null {
  if (cue.end <= item.at) {
    const gap = item.at - cue.end;
    if (gap > LEFT_REACH || /[;]/.test(text.slice(cue.end, item.at))) return null;
    return gap;
  }
  if (cue.start >= item.end) {
    const gap = cue.start - item.end;
    if (gap > RIGHT_REACH || /[;,.]/.test(text.slice(item.end, cue.start).replace(/\d[.,]\d/g, ''))) return null;
    return gap * 1.5 + 3;
  }
  return null; // the cue overlaps the number: "hash rate" inside a unit phrase says nothing more
}

/** The clause a number stands in: between the nearest semicolons or sentence bounds. */
function clauseAround(text: string, at: number, end: number): { start: number; end: number } {
  const left = text.lastIndexOf(';', at);
  const right = text.indexOf(';', end);
  return { start: left < 0 ? 0 : left + 1, end: right < 0 ? text.length : right };
}

/** "This represents ...", "That is ...": the sentence continues the last one's subject. */
function startsWithReference(text: string): boolean {
  return /^(?:this|that|it|which|these|representing|marking|an? (?:increase|decrease|growth|decline))\b/i.test(text.trim());
}

interface Change {
  kind: ChangeKind;
  direction: number;
}

/**
 * A change: a direction word right before the number ("an increase of 93.8%", "up 5%", "grew
 * 26%") or a comparison right after it ("98 more than last quarter"), with the nearest phrase
 * that says how it is measured. A percentage needs both; a change without a kind is left out.
 */
function changeOf(text: string, item: Placed, percent: boolean): Change | null {
  const before = text.slice(Math.max(0, item.at - 45), item.at);
  const after = text.slice(item.end, item.end + 40);
  const directionBefore = /(?:increase[sd]?|decrease[sd]?|up|down|grew|grow(?:th)?|rose|declined?|fell|drop(?:ped)?|improved?|narrowed|widened|higher|lower|jump(?:ed)?|gain(?:ed)?|reduc(?:ed|tion))(?: (?:by|of))?(?: (?:approximately|about|around|roughly|nearly|almost|over|more than|some|just over|just under))?\s*$/i.exec(before);
  const comparisonAfter = /^\s*(?:(?:more|fewer|less|higher|lower) than|(?:increase|decrease|growth|decline|improvement|rise|drop|jump|gain|reduction)\b)/i.exec(after);
  const adjectival = /^\s*(?:year[- ]over[- ]year|quarter[- ]over[- ]quarter|sequential)\s+(?:increase|decrease|growth|decline|improvement|rise|drop|jump|gain|reduction)/i.exec(after);
  if (!directionBefore && !comparisonAfter && !adjectival) return null;
  const kind = changeKindNear(text, item.at, item.end);
  if (!kind) return null;
  const words = directionBefore ? directionBefore[0] : (comparisonAfter ?? adjectival)![0];
  const ofLoss = /\bloss(?:es)?\b/i.test(text.slice(Math.max(0, item.at - 90), item.at));
  const direction = directionOf(words, ofLoss) || directionOf(text.slice(Math.max(0, item.at - 90), item.end + 40), ofLoss);
  if (!direction && percent) return null;
  return { kind, direction: direction || 1 };
}

/** A percentage is a change of the metric the sentence is about, or a margin or share level. */
function percentMetric(cue: CueMatch | undefined, change: Change | null, subject: string | null): MetricDefinition | undefined {
  if (change) {
    if (cue && cue.metric.unit !== '%') return cue.metric;
    if (cue && cue.metric.unit === '%') return cue.metric;
    return subject ? metricById.get(subject) : undefined;
  }
  return cue?.metric.unit === '%' ? cue.metric : undefined;
}

function basisOf(metric: MetricDefinition, forward: boolean, ofModel: boolean): 'actual' | 'guidance' | 'target' | 'spec' | 'market' {
  if (metric.defaultBasis === 'market') return 'market';
  if (metric.id === 'product_hashrate' || (metric.id === 'efficiency' && ofModel)) return 'spec';
  if (metric.id === 'hashrate_target') return 'target';
  if (!forward) return 'actual';
  return metric.unit === 'USD' || metric.unit === 'USD/share' || metric.unit === '%' ? 'guidance' : 'target';
}

function entityOf(metric: MetricDefinition, cue: CueMatch | undefined, model: { name: string } | null, region: { name: string } | null): string | null {
  if (metric.id === 'revenue_other' && cue) {
    return cue.text.replace(/\s*revenues?\s*/i, ' ').replace(/^revenues? from\s*/i, '').replace(/\s+/g, ' ').trim().toLowerCase() || null;
  }
  if (metric.entityFromModel && model) return model.name;
  if (['revenue_share', 'hashrate_installed', 'hashrate_target', 'power_capacity'].includes(metric.id) && region) return region.name;
  return null;
}
