/**
 * What a value can be about besides the company as a whole: a machine model, a region.
 */

/**
 * Machine model names as makers write them: a letter or two and digits with an optional suffix
 * word (A15 Pro, A1566, S21 XP, T21, M60S, S19j Pro), or a brand word and a name (Avalon Nano 3).
 * Quarter and half labels (Q3, H1, FY24) and filing forms (10-K, 20-F) are not models.
 */
export const modelNamePattern =
  /\b(?!(?:Q|H|FY|CY|E|P|T)\d{1,2}\b)(?:(?:(?!(?:The|Our|In|At|For|And|With|This|That|Its|Each|Per|Of|On|By|As|Form|Slide|Page|Item|Phase|Section|Rule|Note|Fiscal)\b)[A-Z][a-z]{2,} )?[A-Z]{1,2}\d{1,4}[a-zA-Z]{0,2}(?: (?:Pro|XP|Hydro|Hyd|Max|Plus|Ultra|Mini|Immersion|Air|series|Series)\b)+|(?!(?:The|Our|In|At|For|And|With|This|That|Its|Each|Per|Of|On|By|As|Form|Slide|Page|Item|Phase|Section|Rule|Note|Fiscal)\b)[A-Z][a-z]{2,} (?!(?:Q|H|FY|CY)\d)[A-Z]{1,2}\d{1,4}[a-zA-Z]{0,2}\b|[A-Z]{1,2}\d{2,4}[a-zA-Z]{0,2}\b|(?:Avalon|Antminer|WhatsMiner|Whatsminer|SEALMINER|Nano|Bitmain)(?: [A-Z][\w+]*| \d{1,4}\w*){1,2})/g;

/** Regions, countries and US states that calls name as where revenue or hash rate is. */
export const regionNames: readonly string[] = [
  'North America', 'South America', 'Latin America', 'Middle East', 'Southeast Asia', 'East Asia', 'Central Asia', 'Asia', 'Europe', 'Africa',
  'United States', 'U.S.', 'US', 'Canada', 'Mexico', 'Paraguay', 'Brazil', 'Argentina', 'Ethiopia', 'Kazakhstan', 'Russia', 'Norway', 'Sweden',
  'Finland', 'Iceland', 'Bhutan', 'Oman', 'UAE', 'United Arab Emirates', 'Abu Dhabi', 'Malaysia', 'Indonesia', 'China', 'Hong Kong', 'Japan',
  'Texas', 'Georgia', 'Tennessee', 'Wyoming', 'Ohio', 'Kentucky', 'Mississippi', 'Nebraska', 'North Dakota', 'Pennsylvania', 'New York', 'Oklahoma',
  'Quebec', 'Manitoba', 'Alberta', 'British Columbia',
];

/** Business segments calls give a margin or a profit of: "hosting gross margin", "gross margin of the HPC segment". */
export const segmentNames: readonly string[] = [
  'self-mining', 'bitcoin mining', 'mining', 'hosting', 'HPC hosting', 'HPC', 'AI cloud', 'GPU cloud', 'cloud', 'colocation', 'HPC colocation',
  'machine sales', 'products?', 'home miners?', 'engineering services', 'power sales',
];

/** How a site is named: a capitalised name before "site", "campus", "facility" or "data center", or after "site in". */
export const sitePattern = /\b((?:[A-Z][a-z]+|[A-Z]{2,})(?: [A-Z][a-z]+)?) (?:site|campus|facility|data cent(?:er|re)|project)\b|\b(?:site|campus|facility) in ([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b/g;
