/**
 * How transcripts name the call they record. Each pattern yields named groups: company,
 * ticker, quarter (1-4 or a word), year, date. Patterns are tried in order; the first match wins.
 */
export const titlePatterns: readonly RegExp[] = [
  // statementdog: Canaan Inc (CAN) 2024 Q3 法說會逐字稿
  /^(?<company>.+?)\s*\((?<ticker>[^)]+)\)\s*(?<year>\d{4})\s*Q(?<quarter>[1-4])\s*法說會逐字稿/,
  // wire: CleanSpark, Inc. (CLSK) Q4 2025 Earnings Call November 25, 2025 4:30 PM EST
  /^(?<company>.+?)\s*\((?<ticker>[^)]+)\)\s*(?:Fiscal\s+)?Q(?<quarter>[1-4])\s*'?(?<year>\d{4}|\d{2})\s+Earnings Call(?: Transcript)?,?\s*(?<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})?/,
  // Q3 2024 written the other way round: (TICKER) 2024 Q3 Earnings Call
  /^(?<company>.+?)\s*\((?<ticker>[^)]+)\)\s*(?<year>\d{4})\s*Q(?<quarter>[1-4])\s+Earnings Call/,
  // (TICKER) Third Quarter 2024 Earnings Call
  /^(?<company>.+?)\s*\((?<ticker>[^)]+)\)\s*(?:Fiscal\s+)?(?<quarter>First|Second|Third|Fourth)[- ]Quarter(?: of)?(?: Fiscal)?(?: Year)? (?<year>\d{4}) (?:Earnings|Results|Financial Results)/i,
];

const quarterWord = String.raw`(?<quarter>first|second|third|fourth|1st|2nd|3rd|4th|[1-4]Q|Q[1-4])`;
const yearWord = String.raw`(?<year>\d{4}|'\d{2}|’\d{2})`;

/**
 * The operator's welcome: "welcome to Canaan Inc's third-quarter of 2024 earnings conference
 * call", "welcome to MARA 4Q '25 Earnings Call", "welcome to the Acme Corp. Q2 2025 results call".
 */
export const welcomePatterns: readonly RegExp[] = [
  new RegExp(String.raw`welcome(?: you)? to (?:the )?(?<company>[A-Z][\w&.,'():\s-]{1,60}?)(?:'s|’s)? (?:fiscal (?:year )?)?${quarterWord}[- ](?:quarter[- ])?(?:of |fiscal |fiscal year )*${yearWord}\b`, 'i'),
  new RegExp(String.raw`welcome(?: you)? to (?:the )?(?<company>[A-Z][\w&.,'():\s-]{1,60}?)(?:'s|’s)? ${yearWord} (?:fiscal )?${quarterWord}[- ]quarter`, 'i'),
];

/** A ticker said in the text: "(NASDAQ: CAN)", "NYSE: ABC", "TSX: HIVE". */
export const tickerInText = /\b(?:NASDAQ|Nasdaq|NYSE(?: American)?|NYSEAMERICAN|TSXV?|OTCQX|OTC|CSE|CBOE|LSE|ASX|HKEX)\s*:\s*(?<ticker>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)\b/;

/** A file name that says ticker and period: CAN-2024Q3.txt, CAN_2024_Q3_call.md, HIVE 2025Q1. */
export const fileNamePattern = /^(?<ticker>[A-Z][A-Z0-9]{0,9}(?:\.[A-Z]{1,2})?)[-_ ](?<year>\d{4})[-_ ]?Q(?<quarter>[1-4])(?![0-9])/i;

/** Exchange prefixes dropped from a ticker written as (NASDAQ: CAN). */
export const exchangePrefix = /^(?:NASDAQ|NYSE(?: American)?|NYSEAMERICAN|TSXV?|OTCQX|OTC|CSE|CBOE|LSE|ASX|HKEX)\s*:\s*/i;

/** Dates in title and header lines: "November 25, 2025", "Nov. 25, 2025", "2025-11-25". */
export const datePattern = /\b(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?<day>\d{1,2}),? (?<year>\d{4})\b|\b(?<iso>\d{4}-\d{2}-\d{2})\b/;

/** "for the quarter ended September 30, 2025": the fiscal quarter's last day, where a call says it. */
export const quarterEndPattern =
  /\b(?:quarter|three months|three-month period|period|fiscal (?:fourth )?quarter)\s+(?<verb>end(?:ed|ing))\s+(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? (?<day>\d{1,2}),? (?<year>\d{4})/i;

/** "our fiscal year ends June 30", "fiscal year ending May 31", "a fiscal year that ends in September". */
export const fiscalYearEndPattern =
  /\bfiscal year (?:that )?(?:end(?:s|ed|ing)?|closes|closed)(?: in| on)? (?<month>January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/**
 * A quarter named in the opening remarks ("results for the fourth quarter and full fiscal year
 * 2025", "our Q3 2024 results"): the last resort for the call period when neither the title,
 * the welcome nor the file name says it.
 */
export const quarterInOpening: readonly RegExp[] = [
  /\b(?<quarter>first|second|third|fourth)[- ]quarter(?: and (?:full )?(?:fiscal )?(?:year )?)?(?: of)?(?: fiscal)?(?: year)? (?<year>\d{4})\b/gi,
  /\b(?:fiscal )?Q(?<quarter>[1-4])(?: of)?(?: fiscal)? (?<year>\d{4})\b/g,
];
