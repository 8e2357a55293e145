import { describe, expect, it } from 'vitest';
import { readCallMetadata } from '../../pipeline/ingest/metadata.ts';

const none = { titleLine: null, openingText: '', fileName: 'call-01.txt', headerText: '' };

describe('call metadata, in order of trust: title line, welcome, file name', () => {
  it.each([
    ['statementdog title', { titleLine: 'Orbit Hash Ltd (ORBT) 2025 Q1 法說會逐字稿' }, { company: 'Orbit Hash Ltd', ticker: 'ORBT', callPeriod: '2025Q1' }],
    ['wire title with call date', { titleLine: 'Kestrel Mining Corp. (KSTL) Q2 2025 Earnings Call August 12, 2025 4:30 PM EDT' }, { ticker: 'KSTL', callPeriod: '2025Q2', callDate: '2025-08-12' }],
    ['fool title with exchange prefix', { titleLine: 'Pinnacle Bitcoin Inc. (NASDAQ: PNNC) Q4 2024 Earnings Call Transcript' }, { ticker: 'PNNC', callPeriod: '2024Q4' }],
    ['exchange suffix kept as written', { titleLine: 'HIVE Digital Technologies Ltd. (HIVE:CA) Q1 2026 Earnings Call' }, { ticker: 'HIVE:CA', callPeriod: '2026Q1' }],
    ['spelled-out quarter in title', { titleLine: 'Acme Hash Inc. (ACMH) Third Quarter 2024 Earnings Call' }, { ticker: 'ACMH', callPeriod: '2024Q3' }],
    ['welcome with hyphenated quarter', { openingText: "Ladies and gentlemen, welcome to Orbit Hash Inc's third-quarter of 2024 earnings conference call." }, { company: 'Orbit Hash Inc', callPeriod: '2024Q3' }],
    ['welcome with 4Q \'25', { openingText: "Greetings, and welcome to ACME 4Q '25 Earnings Call." }, { callPeriod: '2025Q4' }],
    ['welcome with Q2 2025', { openingText: 'Good morning and welcome to the Tallgrass Digital Q2 2025 earnings call.' }, { callPeriod: '2025Q2' }],
    ['welcome with fiscal year', { openingText: 'Welcome to the Halvorsen fiscal fourth quarter 2025 results conference call.' }, { callPeriod: '2025Q4' }],
    ['ticker said in the text', { openingText: 'welcome to Tallgrass Digital (NASDAQ: TGDX) second quarter 2025 call' }, { ticker: 'TGDX', callPeriod: '2025Q2' }],
    ['file name only', { fileName: 'sub/CAN-2024Q3.statementdog.txt' }, { ticker: 'CAN', callPeriod: '2024Q3' }],
    ['file name with underscores', { fileName: 'RIOT_2025_Q2.md' }, { ticker: 'RIOT', callPeriod: '2025Q2' }],
    ['title beats file name', { titleLine: 'Kestrel Mining Corp. (KSTL) Q2 2025 Earnings Call', fileName: 'ABC-2023Q1.txt' }, { ticker: 'KSTL', callPeriod: '2025Q2', source: 'title' }],
    ['welcome beats file name for the period', { openingText: 'welcome to Orbit third quarter 2024 earnings call', fileName: 'ORBT-2023Q1.txt' }, { ticker: 'ORBT', callPeriod: '2024Q3', source: 'filename+welcome' }],
    ['a quarter named in the opening remarks, as a last resort', { openingText: 'Thanks for joining us to review the fourth quarter and full fiscal year 2025 results. Our fourth quarter 2025 was strong.' }, { callPeriod: '2025Q4' }],
    ['nothing to go on', {}, { ticker: null, callPeriod: null, source: 'none' }],
  ])('%s', (_name, input, expected) => {
    expect(readCallMetadata({ ...none, ...input })).toMatchObject(expected);
  });
});

describe("a call's fiscal calendar: what the call says, then the company registry, then the call day", () => {
  const title = (ticker: string, quarter: string, date = '') => `Some Company Inc. (${ticker}) ${quarter} Earnings Call ${date}`.trim();
  it.each([
    ['a quarter said to end on the last day of November', { titleLine: title('ZZMB', 'Q2 2026', 'January 14, 2026'), fullText: 'Revenue for the fiscal second quarter ended November 30, 2025 was $64 million.' }, { fiscalYearEndMonth: 5, quarterStart: '2025-09-01', quarterEnd: '2025-11-30', calendarSource: 'stated' }],
    ['the latest quarter said to have ended, not the prior-year one it is compared with', { titleLine: title('ZZAU', 'Q1 2026', 'November 10, 2025'), fullText: 'For the three months ended August 31, 2024 we had ... For the three months ended August 31, 2025 revenue was ...' }, { fiscalYearEndMonth: 5, quarterEnd: '2025-08-31' }],
    ['a quarter ending after the call is guidance, not the call quarter', { titleLine: title('ZZGD', 'Q3 2025', 'November 4, 2025'), fullText: 'For the quarter ending December 31, 2025 we expect revenue of about $20 million.' }, { fiscalYearEndMonth: 12, quarterEnd: '2025-09-30', calendarSource: 'calendar' }],
    ['a fiscal year said to end in June', { titleLine: title('ZZJN', 'Q2 2026'), fullText: 'As a reminder, our fiscal year ends June 30.' }, { fiscalYearEndMonth: 6, quarterEnd: '2025-12-31', calendarSource: 'stated' }],
    ['a May year end from the registry', { titleLine: title('APLD', 'Q2 2026', 'January 7, 2026') }, { fiscalYearEndMonth: 5, quarterEnd: '2025-11-30', calendarSource: 'registry' }],
    ['a March year end from the registry, with an exchange suffix', { titleLine: title('HIVE:CA', 'Q1 2026') }, { fiscalYearEndMonth: 3, quarterStart: '2025-04-01', quarterEnd: '2025-06-30' }],
    ['a September year end from the call day when nothing else says it', { titleLine: title('ZZSP', 'Q4 2025', 'November 20, 2025') }, { fiscalYearEndMonth: 9, quarterEnd: '2025-09-30', calendarSource: 'assumed' }],
    ['the calendar year when nothing says otherwise', { titleLine: title('ZZCY', 'Q3 2025') }, { fiscalYearEndMonth: 12, quarterEnd: '2025-09-30', calendarSource: 'calendar' }],
  ])('%s', (_name, input, expected) => {
    expect(readCallMetadata({ ...none, ...input })).toMatchObject(expected);
  });
});
