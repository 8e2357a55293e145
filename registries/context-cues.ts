/**
 * Words around a number that say what kind of statement it is: a change and its direction,
 * guidance or a target, a product spec, a market figure, or something that is no fact at all.
 * Regular-expression fragments, matched case-insensitively.
 */

/** A change and which way it went. `up` words make a positive change, `down` words a negative one. */
export const changeDirection = {
  up: [
    'increase[sd]?', 'increasing', 'up', 'grew', 'grow(?:n|ing|th)?', 'rose', 'rise', 'risen', 'rising', 'higher', 'jump(?:ed)?', 'gain(?:ed)?',
    'improve[sd]?', 'improvement', 'climb(?:ed)?', 'surge[sd]?', 'expan(?:ded|sion)', 'more than (?:doubled|tripled)', 'narrow(?:ed|ing|er)?', 'more', 'additional', 'larger', 'bigger', 'above',
  ],
  down: ['fewer', 'less', 'decrease[sd]?', 'decreasing', 'down', 'decline[sd]?', 'declining', 'fell', 'fall(?:en|ing)?', 'slipped', 'below', 'drop(?:ped)?', 'lower', 'reduc(?:ed|tion)', 'shr[ai]nk', 'contract(?:ed|ion)', 'widen(?:ed|ing)?', 'wider', 'smaller'],
};

/** Direction words that, said of a loss, mean the loss got smaller (a positive change) or larger. */
export const lossDirection = {
  better: ['narrow(?:ed|ing|er)?', 'smaller', 'decrease[sd]?', 'down', 'declined?', 'improve[sd]?', 'lower', 'reduc(?:ed|tion)', 'shr[ai]nk'],
  worse: ['widen(?:ed|ing)?', 'wider', 'larger', 'bigger', 'increase[sd]?', 'up', 'grew', 'higher', 'deepen(?:ed)?'],
};

/** How a change is measured. */
export const changeKinds: readonly { kind: 'yoy' | 'qoq' | 'since'; cues: string[] }[] = [
  {
    kind: 'yoy',
    cues: [
      'year[- ]over[- ]year', 'yoy', 'y-o-y', 'year[- ]on[- ]year', 'from (?:a|one) year (?:ago|earlier)', 'compared (?:to|with) (?:the )?(?:same (?:period|quarter) (?:of |in )?)?(?:last|prior|previous) year',
      'versus (?:the )?(?:same (?:period|quarter) (?:of )?)?(?:last|prior|previous) year', 'from (?:the )?(?:same (?:period|quarter) (?:of |in )?)?(?:last|prior|previous) year',
      'compared (?:to|with) (?:the )?(?:same quarter|same period|prior[- ]year period|prior[- ]year quarter)', 'annual(?:ly)?',
      'same (?:quarter|period) (?:of |in )?(?:last|prior|previous|a) year', '(?:a|one) year (?:earlier|ago|before)', 'prior[- ]year (?:period|quarter)',
      'over (?:the )?(?:last|prior|previous) year', 'over (?:the )?prior[- ]year (?:period|quarter)', '(?:the )?prior corresponding (?:period|quarter)', 'pcp',

    ],
  },
  {
    kind: 'qoq',
    cues: [
      'quarter[- ]over[- ]quarter', 'qoq', 'q-o-q', 'quarter[- ]on[- ]quarter', 'sequential(?:ly)?', 'from (?:the )?(?:last|prior|previous) quarter',
      'compared (?:to|with) (?:the )?(?:last|prior|previous|preceding) quarter', 'versus (?:the )?(?:last|prior|previous) quarter', 'than (?:the )?(?:last|prior|previous) quarter',
      'compared (?:to|with) (?:the )?end of (?:the )?(?:last|prior|previous) quarter', 'compared (?:to|with) (?:the )?end of (?:quarter|q) ?(?:one|two|three|four|[1-4])',
      'than (?:in |at )?(?:the end of )?(?:the |our )?(?:last|prior|previous) quarter',
      // "98 more than the 1,114 at the end of last quarter", "than the 1,114 we held at the end of the prior quarter"
      'than the [\\d,.]+ (?:(?:bitcoins?|BTC|we (?:held|had|reported)) )?(?:at the end of|as of the end of|in) (?:the )?(?:last|prior|previous) quarter',
      'from (?:the )?end of (?:the )?(?:last|prior|previous) quarter',
    ],
  },
  { kind: 'since', cues: ['since (?:the )?(?:halving|launch|start|beginning|inception|IPO|listing|January|February|March|April|May|June|July|August|September|October|November|December)', 'compared (?:to|with) (?:the )?price before', "(?:since|from) (?:its|it's|the|our) (?:all-time high|peak|record high|high)"] },
];

/** Future or plan words that make a value guidance (financials) or a target (operations). */
export const forwardCues = [
  'expect(?:s|ed|ing)?', 'anticipate[sd]?', 'guidance', 'guid(?:e|ing)', 'outlook', 'forecast(?:s|ing)?', 'project(?:s|ed|ing)?', 'estimate[sd]?',
  'plan(?:s|ned)? to', 'plan of', 'committed to reaching', 'target(?:s|ed|ing)?', 'aim(?:s|ing)? to', 'goal', 'will (?:reach|be|have|exceed|grow|increase|deliver|add)', 'by (?:the )?(?:end|mid|middle)', 'by mid-?',
  'on track to', 'going to',
  // capacity that "could switch to" or "can scale to" a use is an option, not what is there
  'could (?:switch|scale|support|accommodate|become|host|expand|add|grow)', 'can (?:scale|support|accommodate|be converted|be repurposed|switch|host|expand|grow)', 'potential(?:ly)?', 'pathway', '(?:is|are|be) achievable', 'attainable', 'within reach', 'aspir\\w+', "\\w+'ll", 'will', 'come online', 'should (?:reach|be|land|come in|total|end up|finish)', 'intend(?:s)? to', 'hope(?:s)? to', 'next (?:quarter|year)', 'looking ahead',
];

/** Guidance spoken of in the past: the number beside it is an actual. */
export const pastGuidance = [
  '(?:exceed(?:ed|ing|s)?|beat(?:ing)?|above|surpass(?:ed|ing)?|ahead of|in line with|met|meeting|top(?:ped)?|outperform(?:ed|ing)?|within)(?: the| our)?(?: (?:upper|high|top|low|lower))?(?: end of)?(?: the| our)?(?: previous(?:ly)?| prior| issued| provided| given)?(?: (?:revenue|quarterly))? (?:guidance|guided range|expectations?|outlook|forecast|target range|target)',
  'than (?:we |had )?(?:expected|anticipated|guided)', 'exceeded our expectations',
];

/** Product-spec words: a number said of a machine model's rating. */
export const specCues = ['delivers?', 'rated', 'runs? at', 'devices?', 'model', 'series', 'machines?', 'miners?', 'product', 'as low as', 'up to', 'per unit', 'launch(?:ed)?', 'new generation', 'offers?'];

/**
 * Contexts whose numbers are no statement of a KPI: a sensitivity ("every $10,000 change"), a
 * hypothetical ("if bitcoin goes to"), a comparison peer.
 */
export const noFactBefore = [
  '\\bconvert(?:s|ed|ible)? at\\s*$', '\\b(?:conversion|strike|exercise|offering) price(?: of)?\\s*$', '\\bcosts? to (?:mine|produce)\\s*$', '\\bper\\s*$',
  '\\bcosts? to (?:build|build out|construct|develop|deploy)\\b[^.;]*$', '\\bbreak-?even\\b[^.;]*$', '\\brule of thumb\\b[^.;]*$',
  '\\b(?:every|each)\\b[^.;]*\\b(?:change|changes|move|moves|reduction|increase|decrease|results? in|impacts?|adds?)\\b[^.;]*$',
  // generic talk about the market, not the company's figures
  '\\b(?:sweet spot|typically|generally)\\b[^.;]*$',
  '\\bif (?:we|it|bitcoin|the price|prices?) were(?: to)?\\b[^.;]*$', '\\bneeds? (?:the )?(?:bitcoin |BTC )?price to (?:go|fall|drop|get|rise|stay)\\b[^.;]*$',
  '\\bevery\\s*$', '\\beach\\s*$', '\\bfor every\\s*$', '\\bif\\b[^.;,]*$', '\\bhypothetical', '\\bsay\\s*$', '\\blet\'?s say\\b[^.;]*$',
];

/** Words that make the company's own numbers hypothetical, though a market assumption behind guidance stays a fact. */
export const hypotheticalBefore = ['\\bassuming\\b[^.;]*$', '\\bwould be\\b[^.;]*$'];

/**
 * Words right after a number that make it no KPI: a rate per day ("21.9 bitcoin a day"), a
 * sensitivity ("a $538 million change in the value").
 */
export const noFactAfter = [
  '^\\s*(?:a|per|each|every) (?:day|week|month)\\b', '^\\s*(?:change|swing|move|movement|impact|sensitivity)\\b',
];

/** A question the speaker asks of the company's own plans is no statement: "So are we looking at 40-megawatt sites?" */
export const hypotheticalQuestion = '\\b(?:are|should|would|could|do|can|will|shall) we\\b';

/**
 * A sentence about others: competitors, peers, the industry. Its numbers are not the company's
 * (market figures — bitcoin price, network hash rate, hashprice — still are facts).
 */
export const aboutOthers =
  "\\b(?:(?:companies|miners|players|operators) like|the market leader|hyperscalers'|hyperscalers (?:are|have|spend|spent|plan|need)|competitors?|competitors'|competitor's|peers?|peers'|rivals?|the (?:whole |entire |broader )?industry|other miners|miners as a group|(?:some|one) of our (?:larger |bigger )?(?:peers|competitors)|(?:held|owned) (?:in|by) (?:them|those|ETFs?|ETPs?|funds?|governments?|(?:other )?(?:public )?companies|treasury companies)|(?:industrial(?:[- ]scale)?|many|most|smaller|older|less efficient) miners (?:operating|running|with|that)|fleets (?:of|at) (?:greater|higher|more) than)\\b";
