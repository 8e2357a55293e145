import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractQuantities, type Language, type Qualifier, type Quantity } from '../../pipeline/extract/quantity.ts';

// How calls say numbers: each case is a sentence written for this test, the phrase that must be
// found in it, and what the phrase means in canonical units.
interface Expected {
  surface: string;
  value: number;
  unit: string;
  valueHigh?: number | null;
  qualifier?: Qualifier;
  flags?: string[];
  dimension?: string;
}
type Case = [text: string, expected: Expected];

const english: Case[] = [
  // hash rate
  ['We sold 7.30 million terahash per second in the quarter.', { surface: '7.30 million terahash per second', value: 7_300_000, unit: 'TH/s' }],
  ['The fleet runs at 4.6 exahash per second.', { surface: '4.6 exahash per second', value: 4_600_000, unit: 'TH/s' }],
  ['We plan to reach 10 EH/s by mid-year.', { surface: '10 EH/s', value: 10_000_000, unit: 'TH/s' }],
  ['Our installed base is 3.5 exahash.', { surface: '3.5 exahash', value: 3_500_000, unit: 'TH/s' }],
  ['Each machine does 215 TH/s.', { surface: '215 TH/s', value: 215, unit: 'TH/s' }],
  ['The air-cooled model delivers 190 terahash.', { surface: '190 terahash', value: 190, unit: 'TH/s' }],
  ['The network passed 700 EH last week.', { surface: '700 EH', value: 700_000_000, unit: 'TH/s' }],
  ['We have 12.5 PH/s online at the new site.', { surface: '12.5 PH/s', value: 12_500, unit: 'TH/s' }],
  ['A rig delivering 14 Thash/s is obsolete.', { surface: '14 Thash/s', value: 14, unit: 'TH/s' }],
  ['we run about 950 petahash per second', { surface: '950 petahash per second', value: 950_000, unit: 'TH/s', qualifier: 'approximately' }],
  ['an old board at 95 gigahash per second', { surface: '95 gigahash per second', value: 0.095, unit: 'TH/s' }],
  ['the network may reach 1 zettahash per second', { surface: '1 zettahash per second', value: 1e9, unit: 'TH/s' }],
  ['it hashes at 500 GH/s', { surface: '500 GH/s', value: 0.5, unit: 'TH/s' }],
  ['We now have 35.0 EH/s energized.', { surface: '35.0 EH/s', value: 35_000_000, unit: 'TH/s' }],
  ['a capacity of 21 exahashes per second', { surface: '21 exahashes per second', value: 21_000_000, unit: 'TH/s' }],
  ['we expect to approach 300 terahash per second', { surface: '300 terahash per second', value: 300, unit: 'TH/s', qualifier: 'nearly' }],
  ['the lab unit runs close to 400 terahash today', { surface: '400 terahash', value: 400, unit: 'TH/s', qualifier: 'nearly' }],
  ['we target 0.9 exahash in that state', { surface: '0.9 exahash', value: 900_000, unit: 'TH/s' }],
  ['hash rate of 7.3 EH/s at quarter end', { surface: '7.3 EH/s', value: 7_300_000, unit: 'TH/s' }],
  ['we added 1.61 exahash per second', { surface: '1.61 exahash per second', value: 1_610_000, unit: 'TH/s' }],

  // efficiency
  ['efficiency as low as 16.8 joules per terahash', { surface: '16.8 joules per terahash', value: 16.8, unit: 'J/TH', dimension: 'efficiency' }],
  ['the new model runs at 17.5 J/TH', { surface: '17.5 J/TH', value: 17.5, unit: 'J/TH' }],
  ['rated at 16.8 J/T on the spec sheet', { surface: '16.8 J/T', value: 16.8, unit: 'J/TH' }],
  ['fleet efficiency improved to 21 W/TH', { surface: '21 W/TH', value: 21, unit: 'J/TH' }],
  ['it draws 19 W/T at the wall', { surface: '19 W/T', value: 19, unit: 'J/TH' }],
  ['deploying units with 13.5 joules per terahash', { surface: '13.5 joules per terahash', value: 13.5, unit: 'J/TH' }],
  ['approximately 17 joules per terahash this year', { surface: '17 joules per terahash', value: 17, unit: 'J/TH', qualifier: 'approximately' }],
  ['the next chip is lower than 17 joules', { surface: '17 joules', value: 17, unit: 'J/TH', qualifier: 'under' }],
  ['we aim for 10-plus joules per terahash', { surface: '10-plus joules per terahash', value: 10, unit: 'J/TH', qualifier: 'over' }],
  ['the old fleet is 22 to 23 joules', { surface: '22 to 23 joules', value: 22, valueHigh: 23, unit: 'J/TH' }],
  ['a range of 10 to 15 joules per terahash', { surface: '10 to 15 joules per terahash', value: 10, valueHigh: 15, unit: 'J/TH' }],
  ['somewhere between 10 and 15 J/TH', { surface: '10 and 15 J/TH', value: 10, valueHigh: 15, unit: 'J/TH' }],
  ['older gear sat at 0.1 J/GH', { surface: '0.1 J/GH', value: 100, unit: 'J/TH' }],
  ['it is about 22 to 23 gigawatts per hash', { surface: '22 to 23 gigawatts per hash', value: 22, valueHigh: 23, unit: '', qualifier: 'approximately', flags: ['unit_mismatch'], dimension: 'efficiency' }],
  ['the chip needs 18 watts per hash', { surface: '18 watts per hash', value: 18, unit: '', flags: ['unit_mismatch'] }],
  ['a board at 16 kilowatts per terahash', { surface: '16 kilowatts per terahash', value: 16, unit: '', flags: ['unit_mismatch'] }],

  // money
  ['Revenue was $73.6 million.', { surface: '$73.6 million', value: 73_600_000, unit: 'USD', dimension: 'money' }],
  ['reaching USD73.6 million in total revenue', { surface: 'USD73.6 million', value: 73_600_000, unit: 'USD' }],
  ['mining revenue of US$ 9 million', { surface: 'US$ 9 million', value: 9_000_000, unit: 'USD' }],
  ['roughly 74 million dollars of sales', { surface: '74 million dollars', value: 74_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['we ended with $1.2B of cash', { surface: '$1.2B', value: 1_200_000_000, unit: 'USD' }],
  ['we issued $450mm of notes', { surface: '$450mm', value: 450_000_000, unit: 'USD' }],
  ['a fee of $3.5k per month', { surface: '$3.5k', value: 3_500, unit: 'USD' }],
  ['we spent $1.2 bn on machines', { surface: '$1.2 bn', value: 1_200_000_000, unit: 'USD' }],
  ['it is a billion dollars opportunity', { surface: 'a billion dollars', value: 1e9, unit: 'USD' }],
  ['a $1.15 billion convertible note', { surface: '$1.15 billion', value: 1_150_000_000, unit: 'USD' }],
  ['proceeds of RMB 500 million', { surface: 'RMB 500 million', value: 500_000_000, unit: 'RMB' }],
  ['a facility of CAD 20 million', { surface: 'CAD 20 million', value: 20_000_000, unit: 'CAD' }],
  ['a grant of 20 million Canadian dollars', { surface: '20 million Canadian dollars', value: 20_000_000, unit: 'CAD' }],
  ['it costs 12 cents to run', { surface: '12 cents', value: 0.12, unit: 'USD' }],
  ['revenue of around $74 million', { surface: '$74 million', value: 74_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['revenue of nearly $74 million', { surface: '$74 million', value: 74_000_000, unit: 'USD', qualifier: 'nearly' }],
  ['more than $100 million raised', { surface: '$100 million', value: 100_000_000, unit: 'USD', qualifier: 'over' }],
  ['at least $5 million of savings', { surface: '$5 million', value: 5_000_000, unit: 'USD', qualifier: 'at_least' }],
  ['up to $30 million of stock', { surface: '$30 million', value: 30_000_000, unit: 'USD', qualifier: 'up_to' }],
  ['a swing of negative $5 million', { surface: '$5 million', value: -5_000_000, unit: 'USD' }],
  ['other income was -$2.5 million', { surface: '-$2.5 million', value: -2_500_000, unit: 'USD' }],
  ['guidance of $27 million to $30 million', { surface: '$27 million to $30 million', value: 27_000_000, valueHigh: 30_000_000, unit: 'USD' }],
  ['guidance of $27 to $30 million', { surface: '$27 to $30 million', value: 27_000_000, valueHigh: 30_000_000, unit: 'USD' }],
  ['between $27 million and $30 million of revenue', { surface: '$27 million and $30 million', value: 27_000_000, valueHigh: 30_000_000, unit: 'USD' }],
  ['a loan of HK$ 10 million', { surface: 'HK$ 10 million', value: 10_000_000, unit: 'HKD' }],
  ['a deposit of €5 million', { surface: '€5 million', value: 5_000_000, unit: 'EUR' }],
  ['half a million dollars of repairs', { surface: 'half a million dollars', value: 500_000, unit: 'USD' }],
  ['over $61,000 per bitcoin mined', { surface: '$61,000 per bitcoin', value: 61_000, unit: 'USD', qualifier: 'over' }],
  ['a build cost of $1.2 million per megawatt', { surface: '$1.2 million per megawatt', value: 1_200_000, unit: '', flags: ['unit_unsupported'] }],
  ['we made $9 million of mining revenue', { surface: '$9 million', value: 9_000_000, unit: 'USD' }],
  ['just under $17 million of costs', { surface: '$17 million', value: 17_000_000, unit: 'USD', qualifier: 'nearly' }],
  ['in excess of $1 billion of liquidity', { surface: '$1 billion', value: 1e9, unit: 'USD', qualifier: 'over' }],
  ['north of $40 million this year', { surface: '$40 million', value: 40_000_000, unit: 'USD', qualifier: 'over' }],
  ['we expect $5 million or more', { surface: '$5 million', value: 5_000_000, unit: 'USD', qualifier: 'at_least' }],
  ['a cost of $5 million or so', { surface: '$5 million', value: 5_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['capex of ~$20 million', { surface: '$20 million', value: 20_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['cash of $72 million at the end of the quarter', { surface: '$72 million', value: 72_000_000, unit: 'USD' }],
  ['a gain of $2.5 million on crypto assets', { surface: '$2.5 million', value: 2_500_000, unit: 'USD' }],
  ['total revenue of $766 million for the year', { surface: '$766 million', value: 766_000_000, unit: 'USD' }],
  ['bitcoin was at $94,000 today', { surface: '$94,000', value: 94_000, unit: 'USD' }],
  ['revenue of 0.1 billion dollars', { surface: '0.1 billion dollars', value: 100_000_000, unit: 'USD' }],
  ['a charge of $22.9 million', { surface: '$22.9 million', value: 22_900_000, unit: 'USD' }],

  // price per hash rate and hashprice
  ['ASP of $8.8 per terahash per second', { surface: '$8.8 per terahash per second', value: 8.8, unit: 'USD/(TH/s)', dimension: 'price_per_hashrate' }],
  ['we sold at $8.8 per terahash', { surface: '$8.8 per terahash', value: 8.8, unit: 'USD/(TH/s)' }],
  ['machines go for $15/TH now', { surface: '$15/TH', value: 15, unit: 'USD/(TH/s)' }],
  ['machines go for $15/T now', { surface: '$15/T', value: 15, unit: 'USD/(TH/s)' }],
  ['priced at $20 per PH', { surface: '$20 per PH', value: 0.02, unit: 'USD/(TH/s)' }],
  ['about 8.8 dollars per terahash', { surface: '8.8 dollars per terahash', value: 8.8, unit: 'USD/(TH/s)', qualifier: 'approximately' }],
  ['hashprice was $45 per petahash per second per day', { surface: '$45 per petahash per second per day', value: 45, unit: 'USD/(PH/s)/day', dimension: 'hashprice' }],
  ['hashprice fell to $0.045 per terahash per day', { surface: '$0.045 per terahash per day', value: 45, unit: 'USD/(PH/s)/day' }],
  ['hashprice near $45/PH/day', { surface: '$45/PH/day', value: 45, unit: 'USD/(PH/s)/day' }],
  ['hashprice of $52 per PH/s per day', { surface: '$52 per PH/s per day', value: 52, unit: 'USD/(PH/s)/day' }],

  // bitcoin
  ['we produced 147 bitcoins', { surface: '147 bitcoins', value: 147, unit: 'BTC', dimension: 'bitcoin' }],
  ['we hold 1,212 BTC', { surface: '1,212 BTC', value: 1_212, unit: 'BTC' }],
  ['we mined 2,011 Bitcoin in the year', { surface: '2,011 Bitcoin', value: 2_011, unit: 'BTC' }],
  ['a sequential increase of 98 coins', { surface: '98 coins', value: 98, unit: 'BTC' }],
  ['a treasury of over 13,000 bitcoin', { surface: '13,000 bitcoin', value: 13_000, unit: 'BTC', qualifier: 'over' }],
  ['we sold one bitcoin', { surface: 'one bitcoin', value: 1, unit: 'BTC' }],
  ['we pledged 70 Bitcoins as collateral', { surface: '70 Bitcoins', value: 70, unit: 'BTC' }],

  // power
  ['the site has 300 megawatts of capacity', { surface: '300 megawatts', value: 300, unit: 'MW', dimension: 'power' }],
  ['more than 1 gigawatt under contract', { surface: '1 gigawatt', value: 1_000, unit: 'MW', qualifier: 'over' }],
  ['a pipeline of 1.8 GW', { surface: '1.8 GW', value: 1_800, unit: 'MW' }],
  ['a 500 kW pilot', { surface: '500 kW', value: 0.5, unit: 'MW' }],
  ['a 10MW container farm', { surface: '10MW', value: 10, unit: 'MW' }],
  ['we secured one gigawatt', { surface: 'one gigawatt', value: 1_000, unit: 'MW' }],
  ['a 285-megawatt site in the south', { surface: '285-megawatt', value: 285, unit: 'MW' }],
  ['a 30 megawatts joint project', { surface: '30 megawatts', value: 30, unit: 'MW' }],

  // energy price
  ['power at 3.1 cents per kilowatt hour', { surface: '3.1 cents per kilowatt hour', value: 0.031, unit: 'USD/kWh', dimension: 'energy_price' }],
  ['we pay $0.04/kWh all in', { surface: '$0.04/kWh', value: 0.04, unit: 'USD/kWh' }],
  ['a contract at $35 per megawatt hour', { surface: '$35 per megawatt hour', value: 0.035, unit: 'USD/kWh' }],
  ['roughly 4 cents a kilowatt-hour', { surface: '4 cents a kilowatt-hour', value: 0.04, unit: 'USD/kWh', qualifier: 'approximately' }],
  ['a price of $35/MWh', { surface: '$35/MWh', value: 0.035, unit: 'USD/kWh' }],

  // percent
  ['gross margin was 22%', { surface: '22%', value: 22, unit: '%', dimension: 'percent' }],
  ['up 93.8 percent year over year', { surface: '93.8 percent', value: 93.8, unit: '%' }],
  ['a drop of 5 per cent', { surface: '5 per cent', value: 5, unit: '%' }],
  ['margin rose 150 basis points', { surface: '150 basis points', value: 1.5, unit: '%' }],
  ['a spread of 50 bps', { surface: '50 bps', value: 0.5, unit: '%' }],
  ['share rose 2 percentage points', { surface: '2 percentage points', value: 2, unit: '%' }],
  ['a change of -5% this quarter', { surface: '-5%', value: -5, unit: '%' }],
  ['a margin of negative 3%', { surface: '3%', value: -3, unit: '%' }],
  ['we expect 10-15% growth', { surface: '10-15%', value: 10, valueHigh: 15, unit: '%' }],
  ['a margin of 10% to 15% next year', { surface: '10% to 15%', value: 10, valueHigh: 15, unit: '%' }],
  ['we own one percent of it', { surface: 'one percent', value: 1, unit: '%' }],
  ['a hundred percent of our power', { surface: 'a hundred percent', value: 100, unit: '%' }],
  ['output rose over 50% sequentially', { surface: '50%', value: 50, unit: '%', qualifier: 'over' }],
  ['mining gross margin of 22.5 %', { surface: '22.5 %', value: 22.5, unit: '%' }],

  // per share
  ['earnings of $0.12 per share', { surface: '$0.12 per share', value: 0.12, unit: 'USD/share', dimension: 'per_share' }],
  ['a loss of 12 cents per diluted share', { surface: '12 cents per diluted share', value: 0.12, unit: 'USD/share' }],
  ['we earned $0.05 a share', { surface: '$0.05 a share', value: 0.05, unit: 'USD/share' }],
  ['loss per share of $0.05', { surface: '$0.05', value: 0.05, unit: 'USD' }],
  ['income of $0.30 per basic and diluted share', { surface: '$0.30 per basic and diluted share', value: 0.3, unit: 'USD/share' }],

  // temperature
  ['we tested at 55 degrees Celsius', { surface: '55 degrees Celsius', value: 55, unit: 'degC', dimension: 'temperature' }],
  ['ambient air at 70°C', { surface: '70°C', value: 70, unit: 'degC' }],
  ['from 55 degrees Celsius to over 70 degrees Celsius', { surface: '55 degrees Celsius', value: 55, unit: 'degC' }],
  ['it ran at 55 degrees Celsius to over 70 degrees Celsius', { surface: '55 degrees Celsius to over 70 degrees Celsius', value: 55, valueHigh: 70, unit: 'degC' }],
  ['stable above 50 degrees Celsius', { surface: '50 degrees Celsius', value: 50, unit: 'degC', qualifier: 'over' }],

  // power as spoken: "a gig", "1.5 gigs"
  ['you have a gig of critical IT available today', { surface: 'a gig', value: 1000, unit: 'MW' }],
  ['we control 1.5 gigs of power', { surface: '1.5 gigs', value: 1500, unit: 'MW' }],

  // counts
  ['we shipped 10,000 units', { surface: '10,000 units', value: 10_000, unit: 'units', dimension: 'count' }],
  ['we sell in two countries', { surface: 'two countries', value: 2, unit: 'units' }],
  ['an order for 3,800 A1566I immersion cooling miners', { surface: '3,800 A1566I immersion cooling miners', value: 3_800, unit: 'units' }],
  ['we delivered 17,000 heaters', { surface: '17,000 heaters', value: 17_000, unit: 'units' }],
  ['customers in 79 countries and regions', { surface: '79 countries', value: 79, unit: 'units' }],
  ['we now have 1,100 employees', { surface: '1,100 employees', value: 1_100, unit: 'units' }],
  ['we run a dozen sites', { surface: 'a dozen sites', value: 12, unit: 'units' }],
  ['we bought twenty-five machines', { surface: 'twenty-five machines', value: 25, unit: 'units' }],
  ['a total of 11,500 units of miners', { surface: '11,500 units', value: 11_500, unit: 'units' }],
  ['upgraded to 6,000 A14 series miners', { surface: '6,000 A14 series miners', value: 6_000, unit: 'units' }],
  ['we added 2,000 new machines', { surface: '2,000 new machines', value: 2_000, unit: 'units' }],
  // a model's name of several words, a number among them, between the count and its noun
  ['we delivered over 10,000 Nano 3 heaters', { surface: '10,000 Nano 3 heaters', value: 10_000, unit: 'units', qualifier: 'over' }],
  ['a purchase agreement for 18,000 Antminer S21 XP Hydro machines', { surface: '18,000 Antminer S21 XP Hydro machines', value: 18_000, unit: 'units' }],
  ['purchase agreements for 14,500 Falcon K7 Pro hydro machines', { surface: '14,500 Falcon K7 Pro hydro machines', value: 14_500, unit: 'units' }],
  // lowercase words are modifiers only up to three: "10,000 of the very best new machines" is no count of machines
  ['we run 400 very old and quite inefficient machines', { surface: '400', value: 400, unit: '' }],
  ['we bought two hundred and fifty rigs', { surface: 'two hundred and fifty rigs', value: 250, unit: 'units' }],

  // bare numbers, and the classifier decides
  ['we mined 2,011 during the quarter', { surface: '2,011', value: 2_011, unit: '', dimension: 'number' }],
  ['shares outstanding of 1.5 billion', { surface: '1.5 billion', value: 1_500_000_000, unit: '' }],
  ['the ratio stood at 3.5', { surface: '3.5', value: 3.5, unit: '' }],
  ['the score was 22-23', { surface: '22-23', value: 22, valueHigh: 23, unit: '' }],
  ['savings of anywhere from 10% to 15%', { surface: '10% to 15%', value: 10, valueHigh: 15, unit: '%' }],
  ['we bought two or three sites', { surface: 'two or three sites', value: 2, valueHigh: 3, unit: 'units' }],
  ['a loss of $1.7 billion or $4.52 per share', { surface: '$1.7 billion', value: 1_700_000_000, unit: 'USD' }],
  ['we hired 50 bitcoin miners', { surface: '50', value: 50, unit: '' }],
];

const chinese: Case[] = [
  ['總收入達到 7360 萬美元。', { surface: '7360 萬美元', value: 73_600_000, unit: 'USD' }],
  ['我們實現了算力銷售730萬太哈希/秒。', { surface: '730萬太哈希/秒', value: 7_300_000, unit: 'TH/s' }],
  ['融資 1.5億美元。', { surface: '1.5億美元', value: 150_000_000, unit: 'USD' }],
  ['產品收入 6,458萬美元', { surface: '6,458萬美元', value: 64_580_000, unit: 'USD' }],
  ['交付 3 千台礦機', { surface: '3 千台', value: 3_000, unit: 'units' }],
  ['總收入約 7,400 萬美元', { surface: '7,400 萬美元', value: 74_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['實現了近 7,400 萬美元的總收入', { surface: '7,400 萬美元', value: 74_000_000, unit: 'USD', qualifier: 'nearly' }],
  ['平均收入超過 61,000 美元', { surface: '61,000 美元', value: 61_000, unit: 'USD', qualifier: 'over' }],
  ['算力達到每秒 4.6 exahash 左右', { surface: '4.6 exahash', value: 4_600_000, unit: 'TH/s', qualifier: 'approximately' }],
  ['自挖算力 4.6 艾哈希', { surface: '4.6 艾哈希', value: 4_600_000, unit: 'TH/s' }],
  ['能效 16.8 焦耳/太哈希', { surface: '16.8 焦耳/太哈希', value: 16.8, unit: 'J/TH' }],
  ['能效 16.8 焦耳/T', { surface: '16.8 焦耳/T', value: 16.8, unit: 'J/TH' }],
  ['能效約 17 焦耳', { surface: '17 焦耳', value: 17, unit: 'J/TH', qualifier: 'approximately' }],
  ['舊機型為22至23焦耳', { surface: '22至23焦耳', value: 22, valueHigh: 23, unit: 'J/TH' }],
  ['我相信 10 到 15 焦耳是可以實現的', { surface: '10 到 15 焦耳', value: 10, valueHigh: 15, unit: 'J/TH' }],
  ['每 terahash 16.8 焦耳', { surface: '每 terahash 16.8 焦耳', value: 16.8, unit: 'J/TH' }],
  ['開採了 147 個比特幣', { surface: '147 個比特幣', value: 147, unit: 'BTC' }],
  ['持有 1,212 枚比特幣', { surface: '1,212 枚比特幣', value: 1_212, unit: 'BTC' }],
  ['持有 1,212 个比特币', { surface: '1,212 个比特币', value: 1_212, unit: 'BTC' }],
  ['啟動 30 兆瓦聯合挖礦項目', { surface: '30 兆瓦', value: 30, unit: 'MW' }],
  ['超過 1 吉瓦的電力', { surface: '1 吉瓦', value: 1_000, unit: 'MW', qualifier: 'over' }],
  ['毛利率為 22%', { surface: '22%', value: 22, unit: '%' }],
  ['毛利率為22％', { surface: '22％', value: 22, unit: '%' }],
  ['增長了百分之50', { surface: '百分之50', value: 50, unit: '%' }],
  ['測試溫度超過攝氏55度', { surface: '攝氏55度', value: 55, unit: 'degC', qualifier: 'over' }],
  ['運行溫度 55攝氏度', { surface: '55攝氏度', value: 55, unit: 'degC' }],
  ['運行溫度 70℃', { surface: '70℃', value: 70, unit: 'degC' }],
  ['獲得 3,800 台礦機的訂單', { surface: '3,800 台', value: 3_800, unit: 'units' }],
  ['客戶遍及79個國家和地區', { surface: '79個國家', value: 79, unit: 'units' }],
  ['融資 3000 萬人民幣', { surface: '3000 萬人民幣', value: 30_000_000, unit: 'RMB' }],
  ['融資 500 萬加元', { surface: '500 萬加元', value: 5_000_000, unit: 'CAD' }],
  ['每股 0.05 美元', { surface: '每股 0.05 美元', value: 0.05, unit: 'USD/share' }],
  ['每股收益 0.05 美元/股', { surface: '0.05 美元/股', value: 0.05, unit: 'USD/share' }],
  ['電價每千瓦時 0.04 美元', { surface: '每千瓦時 0.04 美元', value: 0.04, unit: 'USD/kWh' }],
  ['交付了 10,000 台以上', { surface: '10,000 台', value: 10_000, unit: 'units', qualifier: 'over' }],
  ['總收入 7,400 萬美元左右', { surface: '7,400 萬美元', value: 74_000_000, unit: 'USD', qualifier: 'approximately' }],
  ['至少 1,000 台礦機', { surface: '1,000 台', value: 1_000, unit: 'units', qualifier: 'at_least' }],
  ['單機算力高達 300 太哈希', { surface: '300 太哈希', value: 300, unit: 'TH/s', qualifier: 'up_to' }],
  ['毛利率提高 2 個百分點', { surface: '2 個百分點', value: 2, unit: '%' }],
  ['現金儲備達到 7,200 萬美元', { surface: '7,200 萬美元', value: 72_000_000, unit: 'USD' }],
  ['價值超過 1.1 億美元', { surface: '1.1 億美元', value: 110_000_000, unit: 'USD', qualifier: 'over' }],
  ['每秒 8.8 美元每太哈希', { surface: '8.8 美元每太哈希', value: 8.8, unit: 'USD/(TH/s)' }],
  ['銷售 7.3 EH/s 算力', { surface: '7.3 EH/s', value: 7_300_000, unit: 'TH/s' }],
  ['新增約 1.6 exahash', { surface: '1.6 exahash', value: 1_600_000, unit: 'TH/s', qualifier: 'approximately' }],
  ['EBITDA 虧損為 3,680 萬美元', { surface: '3,680 萬美元', value: 36_800_000, unit: 'USD' }],
  ['訂單 11,500台A1566礦機', { surface: '11,500台', value: 11_500, unit: 'units' }],
];

// Numbers that are never a quantity: years, dates, quarters, forms, model names, labels,
// phone instructions, times, durations.
const nothing: [text: string, language: Language][] = [
  ['the rise of the gig economy', 'en'],
  ['he played a gig in Austin', 'en'],
  ['our most recent annual report on Form 20-F', 'en'],
  ['Our 10-K will be filed shortly.', 'en'],
  ['see the 10-Q for the period', 'en'],
  ['the A15 Pro is our top model', 'en'],
  ['we will provide A1566I immersion miners', 'en'],
  ['the Nano 3 is popular with home users', 'en'],
  ['deploying S21 XP Immersion machines', 'en'],
  ['the Avalon Q and the T21 and the M60S', 'en'],
  ['results for fiscal 2025 were strong', 'en'],
  ['FY2025 guidance', 'en'],
  ["growth into 4Q '25", 'en'],
  ['in Q3 2024 we delivered', 'en'],
  ['as of September 30, 2024', 'en'],
  ['as of Sept. 30th, 2024', 'en'],
  ['as of 2024-09-30', 'en'],
  ['in the third quarter', 'en'],
  ['please press star 1 on your telephone keypad', 'en'],
  ['please press *1 to ask a question', 'en'],
  ['press 1 on your telephone keypad', 'en'],
  ['the call starts at 4:30 PM Eastern', 'en'],
  ['we meet at 8 a.m. tomorrow', 'en'],
  ['over the past 5 years', 'en'],
  ['within 18 months of delivery', 'en'],
  ['the 3rd site is in Ohio', 'en'],
  ['Phase 2 of the project', 'en'],
  ['Slide 5 shows the trend', 'en'],
  ['see page 12 of the deck', 'en'],
  ['under Section 4.2 of the agreement', 'en'],
  ['Item 7 of the annual report', 'en'],
  ['a plan under Rule 10b5-1', 'en'],
  ['one of the largest miners', 'en'],
  ['the first half of 2025', 'en'],
  ['the Series 3 preferred shares', 'en'],
  ['the 200T model ships soon', 'en'],
  ['from 2024 to 2025', 'en'],
  ['a 10-year power contract', 'en'],
  ['over the next 2 to 3 years', 'en'],
  ['the best in the past 11 quarters', 'en'],
  ['for the next 10 or 20 years', 'en'],
  ['due to COVID-19 delays', 'en'],
  ['balances at 9/30', 'en'],
  ['the halving in April 2024', 'en'],
  ['繼 Nano 3 產品取得成功之後', 'zh'],
  ['截至 2024 年 9 月 30 日', 'zh'],
  ['創下過去 11 個季度以來的最高銷量', 'zh'],
  ['我們最新的 20-F 表年度報告', 'zh'],
  ['第 3 季的業績', 'zh'],
  ['A15 系列的量產', 'zh'],
  ['在 2025 年第一季上線', 'zh'],
];

function check(text: string, language: Language, expected: Expected) {
  const found = extractQuantities(text, language);
  const match = found.find((quantity) => quantity.surface === expected.surface);
  expect(match, `no "${expected.surface}" in ${JSON.stringify(found.map((q) => q.surface))}`).toBeDefined();
  const quantity = match as Quantity;
  expect(quantity.value).toBe(expected.value);
  expect(quantity.unit).toBe(expected.unit);
  expect(quantity.valueHigh).toBe(expected.valueHigh ?? null);
  expect(quantity.qualifier).toBe(expected.qualifier ?? 'exact');
  expect(quantity.flags).toEqual(expected.flags ?? []);
  if (expected.dimension) expect(quantity.dimension).toBe(expected.dimension);
  expect(text.slice(quantity.start, quantity.end)).toBe(quantity.surface);
}

describe('extractQuantities: English', () => {
  it.each(english)('%s', (text, expected) => check(text, 'en', expected));
});

describe('extractQuantities: Chinese', () => {
  it.each(chinese)('%s', (text, expected) => check(text, 'zh', expected));
});

describe('extractQuantities: no quantity', () => {
  it.each(nothing)('%s', (text, language) => {
    expect(extractQuantities(text, language).map((quantity) => quantity.surface)).toEqual([]);
  });
});

describe('extractQuantities: whole sentences', () => {
  it('keeps a change "from X to Y" as two values', () => {
    const found = extractQuantities('ASP rose from $7.9 per terahash per second to $8.8 per terahash per second.', 'en');
    expect(found.map((quantity) => [quantity.value, quantity.valueHigh, quantity.unit])).toEqual([
      [7.9, null, 'USD/(TH/s)'], [8.8, null, 'USD/(TH/s)'],
    ]);
  });
  it('keeps "grew 5% to 55%" as two values', () => {
    expect(extractQuantities('margin grew 5% to 55%', 'en').map((quantity) => quantity.value)).toEqual([5, 55]);
  });
  it('finds the number, not the model, in a sentence with both', () => {
    const found = extractQuantities('The A15 Pro delivers 215 terahash per second at 16.8 joules per terahash.', 'en');
    expect(found.map((quantity) => quantity.surface)).toEqual(['215 terahash per second', '16.8 joules per terahash']);
  });
  it('records the stated value, unit and scale as said', () => {
    const [quantity] = extractQuantities('sales of 7.30 million terahash per second', 'en');
    expect(quantity).toMatchObject({ statedValue: '7.30', statedUnit: 'million TH/s', scale: 'million' });
    const [chinese] = extractQuantities('達到 7360 萬美元', 'zh');
    expect(chinese).toMatchObject({ statedValue: '7360', statedUnit: '萬 USD', scale: '萬' });
    const [range] = extractQuantities('22 to 23 joules', 'en');
    expect(range).toMatchObject({ statedValue: '22-23', statedUnit: 'J' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const fragments = [
  '$', 'US$', 'USD', ' million', ' billion', 'k', 'B', 'mm', ' 萬', '億', '美元', ' terahash per second', ' EH/s', 'J/T',
  ' joules per terahash', ' per ', ' to ', '-', '–', '%', ' bps', ' bitcoins', '個比特幣', ' units', '台', '攝氏', '度',
  '百分之', '每股', '每 ', ' approximately ', ' over ', '約', ',', '.', '0', '1', '22', '7.30', '1,212', 'Nano 3', '20-F',
  'A15', ' press star ', 'Q3 ', '2024', ' between ', ' and ', '\n', '\u{1F600}', '\uD800', ' a dozen ', 'half a', '°C',
];
const messyText = fc.array(fc.oneof(
  fc.constantFrom(...fragments),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
), { maxLength: 24 }).map((parts) => parts.join(''));

describe('extractQuantities: properties', () => {
  it('never throws, and every span slices back to its surface, in order and without overlap', () => {
    fc.assert(fc.property(messyText, fc.constantFrom<Language>('en', 'zh'), (text, language) => {
      const found = extractQuantities(text, language);
      let previousEnd = 0;
      for (const quantity of found) {
        expect(text.slice(quantity.start, quantity.end)).toBe(quantity.surface);
        expect(quantity.start).toBeGreaterThanOrEqual(previousEnd);
        expect(quantity.end).toBeGreaterThan(quantity.start);
        expect(Number.isFinite(quantity.value)).toBe(true);
        previousEnd = quantity.end;
      }
    }), { numRuns: 2000 });
  });

  it('keeps phrases apart when a currency prefix touches the unit before it', () => {
    const found = extractQuantities(' a dozen °C$0', 'en');
    for (let i = 1; i < found.length; i++) expect(found[i].start).toBeGreaterThanOrEqual(found[i - 1].end);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom<Language>('en', 'zh'), (text, language) => {
      extractQuantities(text, language);
    }), { numRuns: 1000 });
  });

  // Any value said with any supported unit and scale comes back as the same canonical value.
  const spokenUnits: { render: (number: string) => string; exponent: number; unit: string; language: Language }[] = [
    { render: (n) => `${n} terahash per second`, exponent: 0, unit: 'TH/s', language: 'en' },
    { render: (n) => `${n} EH/s`, exponent: 6, unit: 'TH/s', language: 'en' },
    { render: (n) => `${n} exahash`, exponent: 6, unit: 'TH/s', language: 'en' },
    { render: (n) => `${n} PH/s`, exponent: 3, unit: 'TH/s', language: 'en' },
    { render: (n) => `${n} gigahash per second`, exponent: -3, unit: 'TH/s', language: 'en' },
    { render: (n) => `${n} joules per terahash`, exponent: 0, unit: 'J/TH', language: 'en' },
    { render: (n) => `${n} W/TH`, exponent: 0, unit: 'J/TH', language: 'en' },
    { render: (n) => `$${n}`, exponent: 0, unit: 'USD', language: 'en' },
    { render: (n) => `USD${n}`, exponent: 0, unit: 'USD', language: 'en' },
    { render: (n) => `${n} dollars`, exponent: 0, unit: 'USD', language: 'en' },
    { render: (n) => `${n} cents`, exponent: -2, unit: 'USD', language: 'en' },
    { render: (n) => `$${n} per terahash per second`, exponent: 0, unit: 'USD/(TH/s)', language: 'en' },
    { render: (n) => `$${n} per terahash per day`, exponent: 3, unit: 'USD/(PH/s)/day', language: 'en' },
    { render: (n) => `${n} cents per kilowatt hour`, exponent: -2, unit: 'USD/kWh', language: 'en' },
    { render: (n) => `$${n} per megawatt hour`, exponent: -3, unit: 'USD/kWh', language: 'en' },
    { render: (n) => `${n} bitcoins`, exponent: 0, unit: 'BTC', language: 'en' },
    { render: (n) => `${n} megawatts`, exponent: 0, unit: 'MW', language: 'en' },
    { render: (n) => `${n} GW`, exponent: 3, unit: 'MW', language: 'en' },
    { render: (n) => `${n} kW`, exponent: -3, unit: 'MW', language: 'en' },
    { render: (n) => `${n} basis points`, exponent: -2, unit: '%', language: 'en' },
    { render: (n) => `${n} percent`, exponent: 0, unit: '%', language: 'en' },
    { render: (n) => `$${n} per share`, exponent: 0, unit: 'USD/share', language: 'en' },
    { render: (n) => `${n} units`, exponent: 0, unit: 'units', language: 'en' },
    { render: (n) => `${n} 美元`, exponent: 0, unit: 'USD', language: 'zh' },
    { render: (n) => `${n}太哈希/秒`, exponent: 0, unit: 'TH/s', language: 'zh' },
    { render: (n) => `${n} 艾哈希`, exponent: 6, unit: 'TH/s', language: 'zh' },
    { render: (n) => `${n} 焦耳/太哈希`, exponent: 0, unit: 'J/TH', language: 'zh' },
    { render: (n) => `${n} 個比特幣`, exponent: 0, unit: 'BTC', language: 'zh' },
    { render: (n) => `${n} 兆瓦`, exponent: 0, unit: 'MW', language: 'zh' },
  ];
  const englishScales: [string, number][] = [['', 0], [' thousand', 3], [' million', 6], [' billion', 9]];
  const chineseScales: [string, number][] = [['', 0], ['萬', 4], ['百萬', 6], ['億', 8], ['千萬', 7]];
  const statedNumber = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.option(fc.stringMatching(/^\d{1,3}$/)), fc.boolean())
    .map(([whole, fraction, separators]) => {
      const integer = separators ? whole.toLocaleString('en-US') : String(whole);
      return fraction === null ? integer : `${integer}.${fraction}`;
    });

  it('parses any rendered value back to the same canonical value', () => {
    fc.assert(fc.property(statedNumber, fc.constantFrom(...spokenUnits), fc.nat(), (stated, spoken, pick) => {
      const scales = spoken.language === 'zh' ? chineseScales : englishScales;
      const [scaleWord, scaleExponent] = scales[pick % scales.length];
      // A scale sits between the number and the unit; a currency sign stays in front.
      const rendered = spoken.render(`${stated}${scaleWord}`);
      const text = `We said ${rendered} here.`;
      const found = extractQuantities(text, spoken.language);
      expect(found).toHaveLength(1);
      expect(found[0].surface).toBe(rendered);
      expect(found[0].unit).toBe(spoken.unit);
      expect(found[0].value).toBe(Number(`${stated.replace(/,/g, '')}e${spoken.exponent + scaleExponent}`));
    }), { numRuns: 3000 });
  });
});
