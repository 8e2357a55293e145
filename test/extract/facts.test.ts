import { describe, expect, it } from 'vitest';
import { processTranscript } from '../../pipeline/process-transcript.ts';

/** A one-line call of a company whose fiscal quarter is 2024Q3, said by its CFO. */
function factsOf(sentence: string, speaker = 'Jane Roe: Chief Financial Officer') {
  const text = [
    "Operator: Good morning and welcome to Acme Hash's third quarter 2024 earnings conference call (NASDAQ: ACMH).",
    `${speaker} ${sentence}`,
    'Operator: [Operator Instructions] Our first question comes from Sam Lee with Birch Capital.',
    'Sam Lee: Thanks.',
  ].join('\n');
  return processTranscript('call.txt', new TextEncoder().encode(text)).facts.map((f) => ({
    metric: f.metric,
    value: f.value,
    value_high: f.value_high,
    unit: f.unit,
    period: f.period,
    basis: f.basis,
    change_kind: f.change_kind,
    entity: f.entity,
    quote: f.quote,
  }));
}

type Expected = Partial<ReturnType<typeof factsOf>[number]>;

// How calls say their KPIs, and what each statement is in the contract's terms.
const cases: [string, Expected[]][] = [
  ['Total revenue was $73.6 million for the quarter.', [{ metric: 'revenue_total', value: 73_600_000, unit: 'USD', period: '2024Q3', basis: 'actual' }]],
  ['Revenue was USD73.6 million, up 121% year over year.', [{ metric: 'revenue_total', value: 73_600_000 }, { metric: 'revenue_total', value: 121, unit: '%', change_kind: 'yoy' }]],
  ['Revenue fell 7% sequentially.', [{ metric: 'revenue_total', value: -7, unit: '%', change_kind: 'qoq' }]],
  ['Mining revenue reached $9 million, and product revenue was $64.6 million.', [{ metric: 'revenue_mining', value: 9_000_000 }, { metric: 'revenue_product', value: 64_600_000 }]],
  ['Revenue of $44.6 million included $39.8 million from bitcoin mining and $4.8 million from hosting.', [{ metric: 'revenue_total' }, { metric: 'revenue_mining', value: 39_800_000 }, { metric: 'revenue_other', value: 4_800_000, entity: 'hosting' }]],
  ['We sold 7.30 million terahash per second of computing power, a year-over-year increase of 93.8%, and a quarter-over-quarter increase of 16.4%.', [
    { metric: 'hashrate_sold', value: 7_300_000, unit: 'TH/s' },
    { metric: 'hashrate_sold', value: 93.8, change_kind: 'yoy' },
    { metric: 'hashrate_sold', value: 16.4, change_kind: 'qoq' },
  ]],
  ['The average selling price was $8.8 per terahash per second.', [{ metric: 'asp_per_hashrate', value: 8.8, unit: 'USD/(TH/s)' }]],
  ['Our installed hash rate reached 4.6 exahash per second as of September 30.', [{ metric: 'hashrate_installed', value: 4_600_000, period: '2024-09-30' }]],
  ['We expect to reach 10 exahash per second in North America by mid-2025.', [{ metric: 'hashrate_target', value: 10_000_000, basis: 'target', period: '2025H1', entity: 'North America' }]],
  ['The A15 Pro delivers 215 terahash per second with power efficiency as low as 16.8 joules per terahash.', [
    { metric: 'product_hashrate', value: 215, basis: 'spec', entity: 'A15 Pro' },
    { metric: 'efficiency', value: 16.8, unit: 'J/TH', basis: 'spec', entity: 'A15 Pro' },
  ]],
  ['We mined 147 bitcoins and held 1,212 bitcoins at the end of the quarter.', [{ metric: 'btc_mined', value: 147, period: '2024Q3' }, { metric: 'btc_held', value: 1212, period: '2024-09-30' }]],
  ['We ended the quarter with 1,212 bitcoin, 98 more than at the end of the prior quarter.', [{ metric: 'btc_held', value: 1212 }, { metric: 'btc_held', value: 98, unit: 'BTC', change_kind: 'qoq' }]],
  // a bare count said as a change against an earlier period, after the level it changes
  ['As of September 30, 2024, we held 4,310 bitcoin, an increase of 1,275 over the previous year.', [{ metric: 'btc_held', value: 4310 }, { metric: 'btc_held', value: 1275, unit: 'BTC', change_kind: 'yoy', period: '2024-09-30' }]],
  ['We delivered 12,400 units of our home miner in the quarter, an increase of 2,100 from the prior quarter.', [{ metric: 'units_delivered', value: 12400 }, { metric: 'units_delivered', value: 2100, unit: 'units', change_kind: 'qoq' }]],
  // the count a change is measured from, dated by the words after it
  ['We ended the quarter with 1,212 bitcoin, 98 more than the 1,114 we held at the end of the prior quarter.', [
    { metric: 'btc_held', value: 1212, period: '2024-09-30' },
    { metric: 'btc_held', value: 98, change_kind: 'qoq' },
    { metric: 'btc_held', value: 1114, unit: 'BTC', period: '2024-06-30', change_kind: null },
  ]],
  // a base with no date after it is left out, and so is the change: which period either is of is not said
  ['We ended the quarter with 1,212 bitcoin, 98 more than the 1,114 we expected.', [{ metric: 'btc_held', value: 1212 }]],
  // a bare count the bitcoin holdings are said to reach is a number of bitcoins; a year or a percentage is not
  ['Our bitcoin treasury grew by 35% to over 4,300, all of it self-mined.', [{ metric: 'btc_held', value: 4300, unit: 'BTC', period: '2024-09-30' }]],
  ['Our BTC holdings stood at 4,310 at quarter end.', [{ metric: 'btc_held', value: 4310, unit: 'BTC' }]],
  ['We expect our bitcoin treasury to grow through 2026.', []],
  // a bare count held, in a sentence of bitcoins; held things that are no bitcoins are no count
  ['In July we sold another 45 bitcoin, and we held 4,310 at the end of July.', [{ metric: 'btc_sold', value: 45 }, { metric: 'btc_held', value: 4310, unit: 'BTC', period: '2024-07-31' }]],
  ['We held 12 community meetings at our Texas sites this quarter.', []],
  ['Our bitcoin holdings policy was updated on 12 occasions.', []],
  // a fragment that says a figure again is the statement just made, or nothing when that made no fact
  ['Our BTC yield target for 2025 is 15%. Yes, a 15% BTC yield.', [
    { metric: 'btc_yield', value: 15, period: '2025', basis: 'target' },
    { metric: 'btc_yield', value: 15, period: '2025', basis: 'target', quote: '15%' },
  ]],
  ['In the base case we target a 6% BTC yield. Yes, 6% BTC yield.', []],
  ['Our hash rate was 9 exahash. Yes.', [{ metric: 'hashrate_installed', value: 9_000_000 }]],
  // "over the same period" measures a change by the span the sentence before named; with none named, it is not measured
  ['Between Q3 2023 and Q3 2024, our bitcoin holdings increased by 30%. Over the same period, our hash rate increased 40%.', [
    { metric: 'btc_held', value: 30, change_kind: 'yoy' },
    { metric: 'hashrate_installed', value: 40, change_kind: 'yoy' },
  ]],
  ['Our hash rate increased 40% over the same period.', []],
  // a count change against what was mined in a named quarter, or against a day said without its year
  ['We mined 1,904 bitcoin in the quarter, which is 94 fewer than we mined in the second quarter.', [
    { metric: 'btc_mined', value: 1904, period: '2024Q3' },
    { metric: 'btc_mined', value: -94, unit: 'BTC', change_kind: 'qoq' },
  ]],
  ['We held 4,310 bitcoin, 310 more than at June 30.', [{ metric: 'btc_held', value: 4310 }, { metric: 'btc_held', value: 310, change_kind: 'qoq' }]],
  // the base of a percentage change said as a bare count, dated by the words after it
  ['Our fleet produced 412 bitcoin, down 27% from the 564 we mined in the third quarter of last year.', [
    { metric: 'btc_mined', value: 412, period: '2024Q3' },
    { metric: 'btc_mined', value: -27, unit: '%', change_kind: 'yoy' },
    { metric: 'btc_mined', value: 564, unit: 'BTC', period: '2023Q3', change_kind: null },
  ]],
  // what we plan to end the year at is a target at the fiscal year's end; what the network ended at stays the network's
  ['We anticipate ending the year at 36 exahash.', [{ metric: 'hashrate_target', value: 36_000_000, period: '2024-12-31', basis: 'target' }]],
  ['The network hash rate ended the quarter near 650 exahash per second.', [{ metric: 'network_hashrate', value: 650_000_000 }]],
  ['We ended the year with $74.5 million in cash and 4,381 bitcoin.', [{ metric: 'cash', value: 74_500_000 }, { metric: 'btc_held', value: 4381 }]],
  ['Capex for the year should land between $310 million and $340 million.', [{ metric: 'capex', value: 310_000_000, value_high: 340_000_000, period: '2024', basis: 'guidance' }]],
  // "41% narrower than the $45.4 million loss a year ago": a loss that narrowed is up, and its base is the year-ago loss
  ['Operating loss was $26.8 million, 41% narrower than the $45.4 million loss a year ago.', [
    { metric: 'operating_income', value: -26_800_000, period: '2024Q3' },
    { metric: 'operating_income', value: 41, unit: '%', change_kind: 'yoy' },
    { metric: 'operating_income', value: -45_400_000, period: '2023Q3', change_kind: null },
  ]],
  ['Deployed hash rate finished June at 41.6 exahash per second.', [{ metric: 'hashrate_installed', value: 41_600_000, period: '2024-06-30' }]],
  ["So we're sitting at roughly 42 exahash at the end of the quarter.", [{ metric: 'hashrate_installed', value: 42_000_000, period: '2024-09-30' }]],
  ['We ended September with 4,100 bitcoin.', [{ metric: 'btc_held', value: 4100, period: '2024-09-30' }]],
  // a flow planned is a target, a flow expected is guidance
  ['Internally, our plan is for 36 exahash sold in 2025.', [{ metric: 'hashrate_sold', value: 36_000_000, period: '2025', basis: 'target' }]],
  ['We expect 36 exahash sold in 2025, in line with our plan.', [{ metric: 'hashrate_sold', value: 36_000_000, period: '2025', basis: 'guidance' }]],
  // the securities sold are capital raised; the same securities outstanding are debt
  ['In the quarter we sold $500 million of convertible senior notes due 2030.', [{ metric: 'financing', value: 500_000_000, period: '2024Q3', basis: 'actual' }]],
  ['We had $25 million of convertible notes outstanding at quarter end.', [{ metric: 'debt', value: 25_000_000, period: '2024-09-30' }]],
  // "by then" dates a figure to the plan just said; with no plan before it, it dates nothing
  ['We plan to reach 30 exahash by the end of the second quarter of 2025. By then we are targeting fleet efficiency below 16 joules per terahash.', [
    { metric: 'hashrate_target', value: 30_000_000, period: '2025-06-30' },
    { metric: 'efficiency', value: 16, period: '2025-06-30', basis: 'target' },
  ]],
  ['Our fleet efficiency was 18 joules per terahash at quarter end, and by then we had 20 exahash.', [
    { metric: 'efficiency', value: 18, period: '2024-09-30', basis: 'actual' },
    { metric: 'hashrate_installed', value: 20_000_000, period: '2024-09-30', basis: 'actual' },
  ]],
  // the rating a model in design is to have is a target of the call's quarter, whatever date its production has
  ['We have begun sampling the Ridge R7, which we are designing to run at roughly 9.5 joules per terahash, with volume production slated for the third quarter of 2025.', [
    { metric: 'efficiency', value: 9.5, period: '2024Q3', basis: 'target' },
  ]],
  ['Our next-generation Ridge R9 is on track to sample in the fourth quarter, with a design target of under 8 joules per terahash.', [{ metric: 'efficiency', value: 8, period: '2024Q3', basis: 'target' }]],
  ['We placed an order for 18,000 Antminer S21 XP machines, which run at 270 terahash per second and 13.5 J/T.', [
    { metric: 'units_ordered', value: 18_000 },
    { metric: 'product_hashrate', value: 270, basis: 'spec' },
    { metric: 'efficiency', value: 13.5, basis: 'spec' },
  ]],
  // "our margins", no other line named, is the gross margin; a margin of something else is not
  ['Revenue grew 13% sequentially and our margins increased to 56.5%.', [{ metric: 'revenue_total', value: 13, change_kind: 'qoq' }, { metric: 'gross_margin', value: 56.5, period: '2024Q3' }]],
  ['Our margin on the hosting contracts was 30%.', []],
  // a change measured from a peak is one since that event
  ['Bitcoin has fallen about 45% since its all-time high in October.', [{ metric: 'btc_price', value: -45, unit: '%', change_kind: 'since', basis: 'market' }]],
  ['The bitcoin price is down 30% from its peak.', [{ metric: 'btc_price', value: -30, change_kind: 'since' }]],
  // perfect tenses of the direction words
  ['Revenue has risen 20% year over year, and mining costs have fallen 5% sequentially.', [{ metric: 'revenue_total', value: 20, change_kind: 'yoy' }]],
  ['Revenue slipped 5% sequentially.', [{ metric: 'revenue_total', value: -5, change_kind: 'qoq' }]],
  // a bare number a bitcoin price reaches, at a price's size, is dollars; one that counts something is not
  ['As bitcoin price surpassed 85,000, we began adjusting our sales prices.', [{ metric: 'btc_price', value: 85_000, unit: 'USD', basis: 'market' }]],
  ['The bitcoin network reached 12,000 nodes.', []],
  // a price said right after the bitcoin price's, with no other good named, is bitcoin's; said first, it is some other price
  ['Bitcoin began the period at roughly $61,000. Then prices fell to roughly $58,000 by quarter end.', [
    { metric: 'btc_price', value: 61_000 },
    { metric: 'btc_price', value: 58_000, period: '2024-09-30', basis: 'market' },
  ]],
  ['Prices fell to roughly $58,000 by quarter end.', []],
  // a breakdown said with "accounted for", a line with its "of ..." and "the remaining" amount
  ['Bitcoin mining accounted for $187.4 million, hosting of customer machines for $14.9 million and the GPU cloud for the remaining $8.4 million.', [
    { metric: 'revenue_mining', value: 187_400_000 },
    { metric: 'revenue_other', value: 14_900_000 },
    { metric: 'revenue_other', value: 8_400_000 },
  ]],
  // "11% above the second quarter" is a sequential change; "over the prior-year period" is no multi-year term
  ['Total revenue was $210.7 million, an increase of 63% over the prior-year period and 11% above the second quarter.', [
    { metric: 'revenue_total', value: 210_700_000 },
    { metric: 'revenue_total', value: 63, change_kind: 'yoy' },
    { metric: 'revenue_total', value: 11, unit: '%', change_kind: 'qoq' },
  ]],
  // another currency keeps its code; a hash rate guided to is a target; a price linked by "but" to the one before is of the same good
  ['In Canadian dollars, the net loss was C$28.0 million.', [{ metric: 'net_income', value: -28_000_000, unit: 'CAD', period: '2024Q3' }]],
  ['We are guiding to 24 exahash by the end of our fiscal year on March 31, 2025.', [{ metric: 'hashrate_target', value: 24_000_000, period: '2025-03-31', basis: 'target' }]],
  ['Bitcoin averaged roughly $64,000 in the quarter but finished September around $62,500.', [
    { metric: 'btc_price', value: 64_000, period: '2024Q3' },
    { metric: 'btc_price', value: 62_500, period: '2024-09-30', basis: 'market' },
  ]],
  // "bitcoin averages $X", "bitcoin at about $X": the bitcoin price
  ['That assumes bitcoin averages $115,000 for the rest of the year.', [{ metric: 'btc_price', value: 115_000, basis: 'market' }]],
  ['Hashprice is around $57 per petahash per day, with bitcoin at about $114,000.', [{ metric: 'hashprice', value: 57 }, { metric: 'btc_price', value: 114_000, basis: 'market' }]],
  // a count change against the end of a month said without its day: sequential when that month closed the quarter before, since otherwise
  ['At quarter end we held 19,870 bitcoin, 116 more bitcoin than we held at the end of June.', [
    { metric: 'btc_held', value: 19_870 },
    { metric: 'btc_held', value: 116, unit: 'BTC', change_kind: 'qoq' },
  ]],
  ['We held 4,100 bitcoin, 200 more than at the end of March.', [{ metric: 'btc_held', value: 4100 }, { metric: 'btc_held', value: 200, change_kind: 'since' }]],
  // money planned is guidance; capacity one hopes to energize is a target
  ['We plan to spend about $70 million in the second half of 2025, mostly on the new order.', [{ metric: 'capex', value: 70_000_000, period: '2025H2', basis: 'guidance' }]],
  ['We have permits for another 90 megawatts at our Ohio site, which we hope to energize soon.', [{ metric: 'power_capacity', value: 90, basis: 'target' }]],
  // full-year sales and their change against the year before, said right after them
  ['We sold 9.8 million terahash per second in the quarter, which took full-year sales to 31.5 exahash, up 48% on 2023.', [
    { metric: 'hashrate_sold', value: 9_800_000, period: '2024Q3' },
    { metric: 'hashrate_sold', value: 31_500_000, period: '2024' },
    { metric: 'hashrate_sold', value: 48, unit: '%', change_kind: 'yoy', period: '2024' },
  ]],
  ['Revenue for the full year was $907 million, up 38% from 2023.', [{ metric: 'revenue_total', value: 907_000_000, period: '2024' }, { metric: 'revenue_total', value: 38, change_kind: 'yoy', period: '2024' }]],
  // neither a change word before it nor a period compared after it: a bare number is no quantity
  ['We held 4,310 bitcoin, and 1,275 of them are pledged as collateral.', [{ metric: 'btc_held', value: 4310 }]],
  ['We held 4,310 bitcoin, up by 1,275 as of today.', [{ metric: 'btc_held', value: 4310 }]],
  ['We sold 412 bitcoin, and 2,100 bitcoin were pledged as collateral.', [{ metric: 'btc_sold', value: 412 }, { metric: 'btc_pledged', value: 2100 }]],
  ['Net loss was $21.3 million, narrowing 38% from a net loss of $34.4 million a year earlier.', [
    { metric: 'net_income', value: -21_300_000 },
    { metric: 'net_income', value: 38, change_kind: 'yoy' },
    { metric: 'net_income', value: -34_400_000, period: '2023Q3' },
  ]],
  ['Adjusted EBITDA was a loss of $9.6 million.', [{ metric: 'adjusted_ebitda', value: -9_600_000 }]],
  ['Net loss was $96.2 million, or $0.31 per share.', [{ metric: 'net_income', value: -96_200_000 }, { metric: 'eps', value: -0.31, unit: 'USD/share' }]],
  ['We had cash and cash equivalents of $72 million as of September 30.', [{ metric: 'cash', value: 72_000_000, period: '2024-09-30' }]],
  ['We expect fourth-quarter revenue of between $27 million and $30 million.', [{ metric: 'revenue_total', value: 27_000_000, value_high: 30_000_000, basis: 'guidance', period: '2024Q4' }]],
  ['Revenue of $73.6 million exceeded the upper end of our guidance.', [{ metric: 'revenue_total', basis: 'actual' }]],
  ['Our all-in power cost was 3.2 cents per kilowatt hour.', [{ metric: 'power_cost', value: 0.032, unit: 'USD/kWh' }]],
  ['Hashprice averaged $49.80 per petahash per second per day.', [{ metric: 'hashprice', value: 49.8, unit: 'USD/(PH/s)/day', basis: 'market' }]],
  ['The network hash rate averaged about 820 exahash per second.', [{ metric: 'network_hashrate', value: 820_000_000, basis: 'market' }]],
  ['Our direct cost to mine one bitcoin was $34,200.', [{ metric: 'cost_per_btc', value: 34_200 }]],
  ['We had 812 megawatts of energized capacity at quarter end.', [{ metric: 'power_capacity', value: 812, unit: 'MW', period: '2024-09-30' }]],
  ['Bitcoin fell from about $93,400 at the start of the quarter to roughly $82,500 at September 30.', [{ metric: 'btc_price', value: 93_400 }, { metric: 'btc_price', value: 82_500, period: '2024-09-30' }]],
  ['Revenue increased by $25 million in Q3 versus Q2.', [{ metric: 'revenue_total', value: 25_000_000, unit: 'USD', change_kind: 'qoq' }]],
  ['We expect the average selling price to land between $15 and $17 per terahash.', [{ metric: 'asp_per_hashrate', value: 15, value_high: 17 }]],
  ['The power efficiency of the K9 is about 22 to 23 gigawatts per hash.', [{ metric: 'efficiency', value: 22, value_high: 23, unit: 'J/TH' }]],
  ['The chip runs at 18 watts per hash.', []],
  ['Self-mining contributed $70.3 million, HPC hosting $3.8 million and third-party hosting $4.8 million.', [
    { metric: 'revenue_mining', value: 70_300_000 },
    { metric: 'revenue_other', value: 3_800_000, entity: 'hpc hosting' },
    { metric: 'revenue_other', value: 4_800_000, entity: 'third-party hosting' },
  ]],
  // what makes no fact
  ['Please see our Form 20-F and the A1566I and Nano 3 product pages.', []],
  ['Every $10,000 change in the price of bitcoin results in a $538 million change in the value of our holdings.', []],
  ['We mined an average of 21.9 bitcoin a day.', []],
  ['Over the past 5 years we grew the team to 200 people.', []],
  ['The 2027 notes convert at $24.50 per share.', []],
  ['Revenue increased by $25 million, driven by strong demand.', []],
  ['We generated $7 million of additional cash from the option.', []],
  ['So are we looking at 40- and 50-megawatt sites?', []],
];

describe('facts: how calls say their KPIs', () => {
  it.each(cases)('%s', (sentence, expected) => {
    const facts = factsOf(sentence);
    expect(facts).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(facts[i]).toMatchObject(want));
  });

  it('takes an analyst restating a figure as a statement, and nothing from the operator', () => {
    expect(factsOf('You sold 3.95 exahash in the quarter.', 'Sam Lee: Analyst')).toMatchObject([{ metric: 'hashrate_sold', value: 3_950_000 }]);
    expect(factsOf('We mined 147 bitcoins.', 'Operator:')).toEqual([]);
  });
});

// What miners say in 2026: leases to AI customers, treasury, revenue lines, and whose number it is.
const whatMinersSay: [string, Expected[]][] = [
  ['Our GPU cloud business now has an annualized revenue run rate of $38 million.', [{ metric: 'arr', value: 38_000_000, unit: 'USD' }]],
  ['The hosting line brings in about $4.5 million a month.', []],
  ['The lease carries a total contract value of $3.1 billion over its 15-year term.', [{ metric: 'contract_value', value: 3_100_000_000 }]],
  ['Our leases carry total contracted revenue of roughly $5 billion over an average 14-year term.', [{ metric: 'contract_value', value: 5_000_000_000 }]],
  ['We signed a 10-year lease with prospective lease revenue of about $2.2 billion.', [{ metric: 'contract_value', value: 2_200_000_000 }]],
  ['We have now deployed 4,096 GPUs at the Lakeside site.', [{ metric: 'gpu_count', value: 4_096, unit: 'units' }]],
  ['We purchased an additional 1,150 bitcoin in the quarter.', [{ metric: 'btc_held', value: 1_150, unit: 'BTC', change_kind: 'qoq' }]],
  ['We delivered a BTC yield of 7.4% in the quarter.', [{ metric: 'btc_yield', value: 7.4, unit: '%', change_kind: null }]],
  ['In this scenario, that is a 10% annual BTC yield.', []],
  ['In the quarter we issued $300 million of convertible senior notes.', [{ metric: 'financing', value: 300_000_000 }]],
  ['We paid $18 million to secure our chip supply.', []],
  ['Bitcoin began the quarter at roughly $63,000.', [{ metric: 'btc_price', value: 63_000, basis: 'market' }]],
  ['Our average bitcoin selling price for the quarter was $61,240.', [{ metric: 'revenue_per_btc', value: 61_240 }]],
  ['Our cost per kilowatt hour at our own sites was $0.041.', [{ metric: 'power_cost', value: 0.041, unit: 'USD/kWh' }]],
  ['If bitcoin were to fall to $20,000, our reserve would still cover our debt.', []],
  ['Each 1 cent per kilowatt hour reduction adds roughly $9 million of annual gross profit.', []],
  ['Hosting revenue was $6.1 million, and equipment sales were $2.3 million.', [{ metric: 'revenue_other', value: 6_100_000, entity: 'hosting' }, { metric: 'revenue_product', value: 2_300_000 }]],
  ['We currently have 12,000 S21 miners on order.', [{ metric: 'units_ordered', value: 12_000, entity: 'S21' }]],
  ['We had 3,400 bitcoin pledged as collateral at quarter end.', [{ metric: 'btc_pledged', value: 3_400 }]],
  ['Curtailment credits added $4 million to revenue.', []],
  ['We sold 1,300 bitcoin in the quarter for proceeds of $142 million.', [{ metric: 'btc_sold', value: 1_300 }]],
  ['Some of our peers run fleets at greater than 24 joules per terahash.', []],
  ['We ended up with $3 million more cash in the bank.', []],
  ['As we said, we delivered 7.4% BTC yield in the quarter.', [{ metric: 'btc_yield', value: 7.4 }]],
  ['Our U.S. dollar reserve, which we set up in the quarter, is $1.4 billion.', [{ metric: 'cash', value: 1_400_000_000 }]],
  ['The base case is we target 6% BTC yield.', []],
  ['Even at a $38 hash price, our newest fleet covers its power cost.', [{ metric: 'hashprice', value: 38, unit: 'USD/(PH/s)/day', basis: 'market' }]],
  ['We reported a net loss of $212 million or $0.61 negative per diluted share.', [{ metric: 'net_income', value: -212_000_000 }, { metric: 'eps', value: -0.61, unit: 'USD/share' }]],
  ['Europe and North America contributed 41% and 22% of revenue, respectively.', [{ metric: 'revenue_share', value: 41, entity: 'Europe' }, { metric: 'revenue_share', value: 22, entity: 'North America' }]],
  ['Hosting gross margin was 28%, and gross margin for the mining segment was 47%.', [{ metric: 'gross_margin', value: 28, entity: 'hosting' }, { metric: 'gross_margin', value: 47, entity: 'mining' }]],
  ['Customers in Europe and North America contributed 44% and 18% of machine sales revenue.', [{ metric: 'revenue_share', value: 44, entity: 'Europe' }, { metric: 'revenue_share', value: 18, entity: 'North America' }]],
  ['Our 180-megawatt site in Marlow, Oklahoma, is fully energized.', [{ metric: 'power_capacity', value: 180, entity: 'Marlow' }]],
  ['Our Lakeside site has 150 megawatts energized.', [{ metric: 'power_capacity', value: 150, entity: 'Lakeside', basis: 'actual' }]],
  ['Industrial miners operating fleets greater than 22 joules per terahash will struggle at these prices.', []],
  ['We doubled our gas-to-power operations from 25 megawatts to 50 megawatts.', [{ metric: 'power_capacity', value: 25, period: '2024-06-30' }, { metric: 'power_capacity', value: 50, period: '2024-09-30' }]],
  ['Our digital assets were worth $1.1 billion at the end of the quarter.', [{ metric: 'btc_held_value', value: 1_100_000_000 }]],
  ['We recorded a $42.6 million unrealized loss on our digital assets.', []],
  ['With the 9,400 bitcoin on your balance sheet, how should we think about a target of 50 exahash?', [{ metric: 'btc_held', value: 9_400, basis: 'actual' }]],
];

describe('facts: what miners say in 2026', () => {
  it.each(whatMinersSay)('%s', (sentence, expected) => {
    const facts = factsOf(sentence);
    expect(facts).toHaveLength(expected.length);
    expected.forEach((want, i) => expect(facts[i]).toMatchObject(want));
    // a line's revenue, a contract's value, a run rate are never the company's revenue
    expect(facts.filter((f) => f.metric === 'revenue_total')).toEqual([]);
  });
});
