/**
 * Paragraphs written for the tests in the way miners speak on earnings calls (made up: no company,
 * no figure is real), and a transcript that holds them, for the fuzz test, the bounded-work tests
 * and bench/long-documents.ts.
 */
export const callParagraphs: readonly string[] = [
  'Revenue for the quarter was $84.3 million, up 41% from $59.8 million a year ago and down 6% sequentially. Mining revenue was $78.9 million, and hosting revenue was $5.4 million.',
  'We ended the quarter with 6,215 bitcoin on the balance sheet, 380 more than at the end of the prior quarter, worth approximately $512 million at quarter end.',
  'Our operating hash rate reached 24.6 exahash per second at June 30, up from 19.1 EH/s in March, and fleet efficiency improved to 18.2 joules per terahash.',
  'We mined 1,047 bitcoin in the quarter, about 11.5 per day, compared with 1,236 in the first quarter. Power cost averaged 3.9 cents per kilowatt-hour.',
  'For the third quarter we expect to mine between 950 and 1,050 bitcoin and to reach 30 exahash per second by year end, with capacity of roughly 620 megawatts energized.',
  'We sold 2.1 million TH/s of machines at an average price of $17.40 per TH/s, so product revenue was about $36.5 million, a record for the segment.',
  'Adjusted EBITDA was $31.7 million, or a margin of 38%. Net loss was $12.4 million, or $0.05 per share, compared with net income of $44.0 million last year.',
  'Cash and cash equivalents were $143.2 million at quarter end, and total debt was $410 million after we raised $200 million of 2.75% convertible notes due 2030.',
  'Hashprice averaged $46.10 per petahash per second per day, down 9% from the prior quarter, while the network hash rate averaged around 860 exahash per second.',
  'Our all-in cost to mine one bitcoin was $52,800, and the cash cost was roughly $31,900, against an average realized price of about $64,700 per bitcoin.',
];

/** A transcript in the wire layout (title, participants, turns) whose prepared remarks are `body` paragraphs. */
export function transcriptOf(body: readonly string[], ticker = 'ZQMN', quarter = 'Q2 2025'): string {
  return [
    `Zephyr Quantum Mining Inc. (${ticker}) ${quarter} Earnings Call August 7, 2025 5:00 PM EDT`,
    '',
    'Company Participants',
    '',
    'Dana Whitfield - Chief Executive Officer',
    'Ravi Menon - Chief Financial Officer',
    '',
    'Conference Call Participants',
    '',
    'Priya Natarajan - Harbor Point Securities',
    '',
    'Presentation',
    '',
    'Operator',
    '',
    `Good afternoon, and welcome to the Zephyr Quantum Mining second quarter 2025 earnings call. Please be advised that today's call is being recorded.`,
    '',
    'Dana Whitfield',
    'Chief Executive Officer',
    '',
    ...body.flatMap((p) => [p, '']),
    'Question-and-Answer Session',
    '',
    'Operator',
    '',
    'Our first question comes from Priya Natarajan with Harbor Point Securities.',
    '',
    'Priya Natarajan',
    'Harbor Point Securities',
    '',
    'Thanks. How are you thinking about the fleet upgrade?',
    '',
    'Dana Whitfield',
    'Chief Executive Officer',
    '',
    'We expect to reach 30 exahash per second by year end. Thank you.',
    '',
  ].join('\n');
}

/** One paragraph of about `size` characters: `paragraphs` said again and again, as one joined file would. */
export function longParagraph(size: number, paragraphs: readonly string[] = callParagraphs): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += (text ? ' ' : '') + paragraphs[i % paragraphs.length];
  return text;
}
