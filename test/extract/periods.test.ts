import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';

/**
 * The period and basis of what is said, one case per way of speaking, in calls of fictional
 * companies: a December year end reporting Q4 2025 on 2026-02-20, a September year end reporting
 * fiscal Q4 2025 on 2025-11-20, and a May year end reporting fiscal Q2 2026 on 2026-01-08.
 */
interface Call {
  title: string;
  welcome: string;
}

const december: Call = { title: 'Acme Hash Inc. (ACMH) Q4 2025 Earnings Call February 20, 2026 4:30 PM EST', welcome: 'welcome to the Acme Hash fourth quarter 2025 results call.' };
const september: Call = {
  title: 'Birch Digital Inc. (BRCD) Q4 2025 Earnings Call November 20, 2025 4:30 PM EST',
  welcome: 'welcome to the Birch Digital fiscal fourth quarter 2025 results call, for the quarter ended September 30, 2025.',
};
const may: Call = {
  title: 'Cedar Compute Corp. (CDRC) Q2 2026 Earnings Call January 8, 2026 8:00 AM EST',
  welcome: 'welcome to the Cedar Compute fiscal second quarter 2026 call, covering the three months ended November 30, 2025.',
};

const june: Call = {
  title: 'Dune Power Ltd. (DUNP) Q2 2026 Earnings Call February 12, 2026 8:00 AM EST',
  welcome: 'welcome to the Dune Power fiscal second quarter 2026 results call, for the quarter ended December 31, 2025.',
};

/** The facts of paragraphs said by the CFO in a call. */
function factsOf(call: Call, ...paragraphs: string[]) {
  const text = [
    call.title,
    '',
    'Company Participants',
    '',
    'Jane Roe - Chief Financial Officer',
    '',
    'Conference Call Participants',
    '',
    'Sam Lee - Birch Capital, Research Division',
    '',
    'Presentation',
    '',
    'Operator',
    '',
    `Good afternoon, and ${call.welcome} [Operator Instructions]`,
    '',
    'Jane Roe',
    'Chief Financial Officer',
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    'Question-and-Answer Session',
    '',
    'Operator',
    '',
    '[Operator Instructions] Our first question comes from the line of Sam Lee with Birch Capital.',
    '',
    'Sam Lee',
    'Birch Capital, Research Division',
    '',
    'Thanks.',
    '',
  ].join('\n');
  const rows = processTranscript('call.txt', new TextEncoder().encode(text));
  return rows.facts.map((f) => ({ quote: f.quote, metric: f.metric, value: f.value, period: f.period, period_end: f.period_end, basis: f.basis, change_kind: f.change_kind }));
}

type Expected = { quote: string; metric?: string; value?: number; period?: string; period_end?: string | null; basis?: string; change_kind?: string | null };

// [way of speaking, call, paragraphs, expected facts (by quote)]
const cases: [string, Call, string[], Expected[]][] = [
  [
    'a clause that plans what the one before said ("and we expect to energize it in ...") dates it; one that only hopes it grows does not',
    june,
    [
      'Phase one in Montana adds 150 megawatts, and we expect to energize it in the September quarter, which is our fiscal first quarter of 2027.',
      'Our fleet reached 21 exahash at quarter end, and we expect it to grow.',
    ],
    [
      { quote: '150 megawatts', metric: 'power_capacity', period: '2027Q1', basis: 'target' },
      { quote: '21 exahash', metric: 'hashrate_installed', period: '2025-12-31', basis: 'actual' },
    ],
  ],
  [
    '"in the quarter" dates a flow to the call\'s quarter even when the year is named after it',
    december,
    ['We sold 9.8 million terahash per second of hashing power in the quarter, which took full-year sales to 31.5 exahash.'],
    [{ quote: '9.8 million terahash per second', metric: 'hashrate_sold', period: '2025Q4', basis: 'actual' }],
  ],
  [
    'an efficiency said beside one machine\'s hash rate is that machine\'s spec, a fleet\'s is its level',
    december,
    ['The Q7 Hydro is rated at 560 terahash per second and 11.9 joules per terahash. Our fleet efficiency was 18.2 joules per terahash at year-end.'],
    [
      { quote: '560 terahash per second', metric: 'product_hashrate', period: '2025Q4', basis: 'spec' },
      { quote: '11.9 joules per terahash', metric: 'efficiency', period: '2025Q4', basis: 'spec' },
      { quote: '18.2 joules per terahash', metric: 'efficiency', period: '2025-12-31', basis: 'actual' },
    ],
  ],
  [
    'a market figure a guidance assumes is of the period guided; one said without a guidance before it is of the call\'s quarter',
    december,
    [
      'For the first quarter, we expect revenue of $80 million to $85 million. That assumes a bitcoin price of $110,000 and a network hash rate of 950 exahash per second.',
      'Our model assumes a bitcoin price of $95,000.',
    ],
    [
      { quote: '$80 million to $85 million', metric: 'revenue_total', period: '2026Q1', basis: 'guidance' },
      { quote: '$110,000', metric: 'btc_price', period: '2026Q1', basis: 'market' },
      { quote: '950 exahash per second', metric: 'network_hashrate', period: '2026Q1', basis: 'market' },
      { quote: '$95,000', metric: 'btc_price', period: '2025Q4', basis: 'market' },
    ],
  ],
  [
    '"the same period of 2024" is the call\'s quarter of that year; a quarter said in a clause opened by "last year" is of the year before',
    december,
    ['Revenue was $54.4 million, compared with $37.8 million in the same period of 2024. Last year power sales were $2.9 million in the fourth quarter.'],
    [
      { quote: '$54.4 million', metric: 'revenue_total', period: '2025Q4' },
      { quote: '$37.8 million', metric: 'revenue_total', period: '2024Q4' },
      { quote: '$2.9 million', period: '2024Q4', basis: 'actual' },
    ],
  ],
  [
    'a rating said of a device is its spec, of the call\'s quarter',
    december,
    ['The Pebble 2 is a 6 terahash device at about 25 joules per terahash, quiet enough for a living room.'],
    [
      { quote: '6 terahash', metric: 'product_hashrate', period: '2025Q4', basis: 'spec' },
      { quote: '25 joules per terahash', metric: 'efficiency', period: '2025Q4', basis: 'spec' },
    ],
  ],
  [
    '"as of yesterday" is the day before the call; "on Monday", of what was, the Monday before it',
    december,
    ['As of yesterday, hashprice had fallen to $38 per petahash per day. We were at about 33 exahash on Monday.'],
    [
      { quote: '$38 per petahash per day', metric: 'hashprice', period: '2026-02-19', basis: 'market' },
      { quote: '33 exahash', metric: 'hashrate_installed', period: '2026-02-16', basis: 'actual' },
    ],
  ],
  [
    'a month said with "last year" is that month of the calendar year before the call\'s',
    september,
    ['Our hash rate was 41.6 exahash at quarter end, and it compares with 27.9 exahash at the end of June last year. We held 1,150 bitcoin as of March 31 last year.'],
    [
      { quote: '41.6 exahash', metric: 'hashrate_installed', period: '2025-09-30' },
      { quote: '27.9 exahash', metric: 'hashrate_installed', period: '2024-06-30' },
      { quote: '1,150 bitcoin', metric: 'btc_held', period: '2024-03-31' },
    ],
  ],
  [
    'in a call held in the next calendar year, "December last year" is the December just past',
    december,
    ['We held 9,200 bitcoin at the end of December last year.'],
    [{ quote: '9,200 bitcoin', metric: 'btc_held', period: '2025-12-31' }],
  ],
  [
    'the base of a comparison is a value of the prior-year quarter',
    december,
    ['Revenue was $84.2 million, up 61% from $52.3 million in the prior year.'],
    [
      { quote: '$84.2 million', metric: 'revenue_total', period: '2025Q4', basis: 'actual' },
      { quote: '$52.3 million', metric: 'revenue_total', period: '2024Q4', basis: 'actual' },
    ],
  ],
  [
    'a loss compared with one in a named quarter is a value of that quarter',
    december,
    ['We reported a net loss of $40.1 million, compared with a net loss of $12.4 million in the fourth quarter of 2024.'],
    [
      { quote: '$40.1 million', metric: 'net_income', value: -40_100_000, period: '2025Q4' },
      { quote: '$12.4 million', metric: 'net_income', value: -12_400_000, period: '2024Q4' },
    ],
  ],
  [
    'a restatement joined by "or" shares the base\'s period',
    december,
    ['That compares to net income of $28.3 million or $0.24 per diluted share in the fourth quarter of 2024.'],
    [
      { quote: '$28.3 million', metric: 'net_income', period: '2024Q4' },
      { quote: '$0.24 per diluted share', metric: 'eps', period: '2024Q4' },
    ],
  ],
  [
    '"from A to B during 2025": A is the level at the start of the year, B at its end',
    december,
    ['We increased our energized hash rate from 21.5 exahash to 30.2 exahash during 2025.'],
    [
      { quote: '21.5 exahash', metric: 'hashrate_installed', period: '2024-12-31' },
      { quote: '30.2 exahash', metric: 'hashrate_installed', period: '2025-12-31' },
    ],
  ],
  [
    '"between Q4 2024 and Q4 2025 ... from A to B": A at the end of the first quarter named',
    december,
    ['Between Q4 2024 and Q4 2025, our bitcoin holdings grew from approximately 9,100 bitcoin to nearly 12,400 bitcoin.'],
    [
      { quote: '9,100 bitcoin', metric: 'btc_held', period: '2024-12-31' },
      { quote: '12,400 bitcoin', metric: 'btc_held', period: '2025-12-31' },
    ],
  ],
  [
    'a yoy change said with "from A to B": A is the quarter a year before',
    december,
    ['Our average selling price rose 9% year over year, from $11.0 per terahash to $12.0 per terahash.'],
    [
      { quote: '9%', change_kind: 'yoy', period: '2025Q4' },
      { quote: '$11.0 per terahash', metric: 'asp_per_hashrate', period: '2024Q4' },
      { quote: '$12.0 per terahash', metric: 'asp_per_hashrate', period: '2025Q4' },
    ],
  ],
  [
    'a fourth-quarter call reviewing its fiscal year: flows of the year, until a quarter is named',
    september,
    [
      'Let me start with a few financial highlights from our 2025 fiscal year. We delivered record revenues of $412 million. Our gross margin was 51%.',
      'Turning to the fourth quarter, revenue was $118 million.',
    ],
    [
      { quote: '$412 million', metric: 'revenue_total', period: '2025', period_end: '2025-09-30' },
      { quote: '51%', metric: 'gross_margin', period: '2025' },
      { quote: '$118 million', metric: 'revenue_total', period: '2025Q4', period_end: '2025-09-30' },
    ],
  ],
  [
    '"For the full year" dates its own paragraph, not the next',
    december,
    ['Revenue for the quarter was $142.6 million. For the full year, revenue was $463.2 million.', 'The average selling price was $13.20 per terahash.'],
    [
      { quote: '$142.6 million', period: '2025Q4' },
      { quote: '$463.2 million', period: '2025' },
      { quote: '$13.20 per terahash', metric: 'asp_per_hashrate', period: '2025Q4' },
    ],
  ],
  [
    'the prior-year period of a full-year figure is the year before',
    december,
    ['For the full year, we recorded a net loss of $61 million compared to net income of $44 million in the prior year period.'],
    [
      { quote: '$61 million', value: -61_000_000, period: '2025' },
      { quote: '$44 million', value: 44_000_000, period: '2024' },
    ],
  ],
  [
    'a fiscal quarter ending in November is dated at its own end',
    may,
    ['Revenue for the quarter was $64.2 million. We ended the quarter with $212 million of cash and cash equivalents.'],
    [
      { quote: '$64.2 million', period: '2026Q2', period_end: '2025-11-30' },
      { quote: '$212 million', metric: 'cash', period: '2025-11-30' },
    ],
  ],
  [
    'a named month after the quarter, before the call, is the call\'s quarter; a date said with its day is that day',
    december,
    ['In January, we sold 120 bitcoin. As of February 12, we held 12,410 bitcoin.'],
    [
      { quote: '120 bitcoin', metric: 'btc_sold', period: '2025Q4' },
      { quote: '12,410 bitcoin', metric: 'btc_held', period: '2026-02-12' },
    ],
  ],
  [
    'mid-year and the first half are the half; "by the end of 2027" its last day',
    december,
    ['We expect to reach 45 exahash by mid-2026, and we plan to energize 300 megawatts by the end of 2027.'],
    [
      { quote: '45 exahash', metric: 'hashrate_target', period: '2026H1', basis: 'target' },
      { quote: '300 megawatts', metric: 'power_capacity', period: '2027-12-31', basis: 'target' },
    ],
  ],
  [
    'a plan to exit a year at a level is the year\'s last day',
    december,
    ['We expect to exit 2026 at approximately 60 exahash.'],
    [{ quote: '60 exahash', metric: 'hashrate_target', period: '2026-12-31', basis: 'target' }],
  ],
  [
    'a plan that names its future takes it over a nearer past date',
    december,
    [
      'Like the financing we closed in October, the new facility supports our goal of reaching 45 exahash in the first half of 2026.',
      'The new preferred stock, like their $40 million investment in September, supports our goal of 52 exahash by the end of 2026.',
    ],
    [
      { quote: '45 exahash', metric: 'hashrate_target', period: '2026H1', basis: 'target' },
      { quote: '52 exahash', metric: 'hashrate_target', period: '2026-12-31', basis: 'target' },
    ],
  ],
  [
    'a level said "today" is the call\'s day',
    december,
    ['Today we have 31 exahash of hash rate installed.'],
    [{ quote: '31 exahash', metric: 'hashrate_installed', period: '2026-02-20', basis: 'actual' }],
  ],
  [
    'an order signed after the quarter is the call\'s quarter, whatever its delivery date',
    december,
    ['In early February we secured an order for 8,000 machines, with delivery planned for the third quarter.'],
    [{ quote: '8,000 machines', metric: 'units_ordered', period: '2025Q4', basis: 'actual' }],
  ],
  [
    'a debt\'s put date is a term of the notes, not the date of the balance',
    december,
    ['We had $500 million of convertible notes outstanding, with a put right exercisable on June 1, 2028.'],
    [{ quote: '$500 million', metric: 'debt', period: '2025-12-31', basis: 'actual' }],
  ],
  [
    'an aspiration is a target; capacity that could switch is an option',
    december,
    ['Next year our machines must improve. I believe a range of 12 to 14 joules per terahash is achievable.', 'The site could switch to a 150-megawatt critical IT load.'],
    [
      // said in February 2026, "next year" is 2027
      { quote: '12 to 14 joules per terahash', metric: 'efficiency', period: '2027', basis: 'target' },
      { quote: '150-megawatt', metric: 'power_capacity', basis: 'target' },
    ],
  ],
  [
    'contracted and energized capacity is actual; a level that "will ever exist" is still actual',
    december,
    ['We have 220 megawatts energized and 180 megawatts contracted. We closed the year with 12,400 bitcoin, which is a small share of all bitcoin that will ever exist.'],
    [
      { quote: '220 megawatts', metric: 'power_capacity', basis: 'actual' },
      { quote: '180 megawatts', metric: 'power_capacity', basis: 'actual' },
      { quote: '12,400 bitcoin', metric: 'btc_held', period: '2025-12-31', basis: 'actual' },
    ],
  ],
  [
    'shipped in the quarter is actual, even by a deadline already past',
    december,
    ['By the end of the fourth quarter, we had shipped over 3,000 units during the quarter.'],
    [{ quote: '3,000 units', metric: 'units_delivered', period: '2025Q4', basis: 'actual' }],
  ],
  [
    'a result said again "as I mentioned" keeps the period it was first said with',
    december,
    ['For the full year, we delivered a BTC yield of 21.3 percent.', 'Our software revenue grew 3% year over year in the fourth quarter.', 'As I mentioned, we delivered 21.3% BTC yield.'],
    [
      { quote: '21.3 percent', metric: 'btc_yield', period: '2025' },
      { quote: '21.3%', metric: 'btc_yield', period: '2025' },
    ],
  ],
  [
    'how a change is measured: against the year before, between two quarters named, a change said twice, more than the last quarter\'s level',
    december,
    [
      'For 2025, revenues grew 38% to $907.1 million from $656.4 million in 2024.',
      'Between Q4 2024 and Q4 2025, our bitcoin holdings increased by over 20%.',
      'Quarterly revenue increased by approximately $25 million or 13% in Q4 versus Q3.',
      'We held 1,212 bitcoin at quarter end. This is 98 more than the 1,114 at the end of last quarter.',
    ],
    [
      { quote: '38%', metric: 'revenue_total', change_kind: 'yoy', period: '2025' },
      { quote: '$907.1 million', metric: 'revenue_total', period: '2025' },
      { quote: '$656.4 million', metric: 'revenue_total', period: '2024' },
      { quote: '20%', metric: 'btc_held', change_kind: 'yoy' },
      { quote: '$25 million', metric: 'revenue_total', change_kind: 'qoq' },
      { quote: '13%', metric: 'revenue_total', change_kind: 'qoq' },
      { quote: '98', metric: 'btc_held', change_kind: 'qoq', value: 98 },
    ],
  ],
  [
    'a first number said without its unit takes the second\'s; levels compared after a change take its metric',
    december,
    [
      'We increased our total holdings from 9,100 to 12,400 bitcoin for the year.',
      'For the full year 2025, the market value of our bitcoin holdings increased by approximately $480 million from $850 million at the end of 2024 to $1.33 billion at the end of 2025.',
    ],
    [
      { quote: '9,100', metric: 'btc_held', value: 9_100, period: '2024-12-31' },
      { quote: '12,400 bitcoin', metric: 'btc_held', period: '2025-12-31' },
      { quote: '$480 million', metric: 'btc_held_value', change_kind: 'yoy' },
      { quote: '$850 million', metric: 'btc_held_value', period: '2024-12-31' },
      { quote: '$1.33 billion', metric: 'btc_held_value', period: '2025-12-31' },
    ],
  ],
  [
    'a June fiscal year: the prior corresponding period, the September quarter, a calendar year\'s end, a signed contract and the run rate it will bring',
    june,
    [
      'Revenue for the quarter was $184.7 million, up 55% from $119.2 million in the prior corresponding period.',
      'Adjusted EBITDA was $91.7 million, compared with $63.4 million in the September quarter.',
      'We plan to reach 140,000 GPUs by the end of 2026.',
      'We signed a five-year, $9.7 billion AI cloud contract with a hyperscaler, which we expect to deliver approximately $1.94 billion in annualized revenue.',
    ],
    [
      { quote: '$184.7 million', period: '2026Q2', period_end: '2025-12-31' },
      { quote: '55%', change_kind: 'yoy', period: '2026Q2' },
      { quote: '$119.2 million', period: '2025Q2', period_end: '2024-12-31' },
      { quote: '$63.4 million', metric: 'adjusted_ebitda', period: '2026Q1', period_end: '2025-09-30' },
      { quote: '140,000 GPUs', metric: 'gpu_count', period: '2026-12-31', basis: 'target' },
      { quote: '$9.7 billion', metric: 'contract_value', basis: 'actual' },
      { quote: '$1.94 billion', metric: 'arr', basis: 'target' },
    ],
  ],
  [
    'a calendar quarter said by a company of another fiscal year is that calendar quarter',
    september,
    ['You will see that additional 5 exahash come online towards the end of Q1 \'26, calendar Q1.'],
    [{ quote: '5 exahash', metric: 'hashrate_target', period: '2026-03-31', basis: 'target' }],
  ],
];

describe('periods and bases of what is said', () => {
  it.each(cases)('%s', (_name, call, paragraphs, expected) => {
    const facts = factsOf(call, ...paragraphs);
    for (const e of expected) {
      const found = facts.filter((f) => f.quote === e.quote);
      expect(found, `${e.quote} in ${JSON.stringify(facts.map((f) => f.quote))}`).toHaveLength(1);
      expect(found[0]).toMatchObject(e);
    }
  });
});
