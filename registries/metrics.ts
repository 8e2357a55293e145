/**
 * The metric vocabulary of ../shared/METRICS.md as data. Each metric names the canonical unit
 * its values are in, the cue phrases that say it (regular-expression fragments, matched
 * case-insensitively on word boundaries), what kind of quantity it is, and the range a
 * plausible value lies in. Adding a metric or a phrasing is adding data here.
 */

/** A term of years ("ten-year", "5 years"): "the prior-year period" is none. */
const termOfYears = '(?:\\d+|(?!prior\\b|previous\\b|last\\b|same\\b|fiscal\\b|calendar\\b|current\\b)[a-z]+)[- ]years?';

/** flow: over a period (defaults to the call's quarter); stock: at a date; spec: of a product; price: a rate. */
export type MetricKind = 'flow' | 'stock' | 'spec' | 'price';

export interface MetricDefinition {
  id: string;
  unit: string;
  kind: MetricKind;
  description: string;
  /** phrases that name the metric; the nearest one to a number decides */
  cues: string[];
  /** cues that say little ("we have"): they bind a number only when no cue of another metric is as near */
  weakCues?: string[];
  /** the basis a value has when nothing in the sentence says otherwise */
  defaultBasis: 'actual' | 'market' | 'spec' | 'target';
  /**
   * a number in this metric's unit is this metric without any cue: nothing else is said in J/TH;
   * `likely` when the unit says the metric but not which statement of it (megawatts of a site, a
   * lease, a plan), so a fact made without a cue is of medium confidence
   */
  impliedByUnit?: boolean | 'likely';
  /** a region named beside the value is its entity ("3.5 exahash in Africa") */
  entityFromRegion?: boolean;
  /** the metric a value of this one is when said of the future ("we expect to reach 30 EH/s"), and back */
  plannedAs?: string;
  actualAs?: string;
  /** a value said of one machine model (at most the plausible range of that metric) is this metric instead */
  ofOneModelAs?: string;
  /**
   * What a value said of the future is: company `guidance` (flows and prices: revenue, bitcoin
   * to be mined, capex), a `target` (what the company builds toward: hash rate, power,
   * efficiency), or `null` when a future date does not make it one (an order signed, debt due).
   * Without it, flows and prices are guidance and stocks targets.
   */
  forwardBasis?: 'guidance' | 'target' | null;
  /** words that make a value of this metric negative: "net loss of $5 million" */
  lossCues?: string[];
  /**
   * A stated level outside this range is not taken as this metric, and the plausibility check
   * reports facts outside it; `minAbs` is the smallest size a signed value can have.
   */
  plausible?: { min: number; max: number; minAbs?: number };
  /** words of which one must stand in the number's clause for the metric to apply */
  requiresContext?: string[];
  /** words that, in the number's clause, make it something else: a price paid is no selling price */
  excludesContext?: string[];
  /** a P&L line that can be a loss: "was a loss of $9.6 million" makes it negative */
  signed?: boolean;
  /** the product model or named line is the metric's entity */
  entityFromModel?: boolean;
  /** a business segment named beside the value is its entity ("hosting gross margin was 31%") */
  entityFromSegment?: boolean;
  /** a site named beside the value is its entity ("our Sandersville site has 200 megawatts") */
  entityFromSite?: boolean;
  /** a delivery or shipment: a period said of a delivery ("delivery planned for the fourth quarter") is its own */
  datedByDelivery?: boolean;
  /**
   * words right after a dollar amount that make it this metric, in its unit: "a $42 hash price",
   * "$4.52 negative per diluted share" (a `negative` group makes the value negative)
   */
  saidAfterAmount?: string;
  /** nouns a count is said in that make it this metric with no other cue: "4,096 GPUs" */
  countNouns?: string[];
  /** verbs that, right before the number, make it something else: cash "generated" is a flow, not a balance */
  notAfter?: string[];
  /** words anywhere in the sentence that make it no statement of this metric: a BTC Yield "in this scenario" is a model */
  voidedBy?: string[];
}

export const metrics: readonly MetricDefinition[] = [
  // --- revenue ---
  {
    id: 'revenue_total', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'total revenue of the period',
    cues: ['total revenues?', 'revenues?', 'top[- ]?line', 'total sales', 'net revenues?', 'revenue guidance'],
    // "that business can reach $25 million of revenue": a line of the business, not the company's total;
    // a run rate, an annualized or prospective amount, a lease's whole-term value is no revenue of a period
    excludesContext: [
      '(?:that|this) (?:[a-z-]+ ){0,2}(?:business|segment|line|division|pilot)', 'the (?:[a-z-]+ ){0,2}(?:pilot|cloud)', 'GPU cloud',
      'run[- ]rate', 'annuali[sz]ed', 'ARR', 'prospective', 'contract(?:ed)? value', 'contracted revenues?', 'over the (?:life|term)',
      `over (?:an? |the )?(?:average |initial |remaining |weighted[- ]average )?${termOfYears}(?: term)?`, `over ${termOfYears}`, 'per (?:year|annum)', 'a year(?! (?:ago|earlier|before|prior))',
    ],
    plausible: { min: 10_000, max: 50_000_000_000 }, signed: false,
  },
  {
    id: 'revenue_product', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'revenue from selling mining machines and other products',
    cues: [
      'product revenues?', 'products? sales revenues?', 'revenues? from (?:our )?(?:mining )?(?:machine|machines|miner|miners|product|products|hardware)(?: sales)?',
      '(?:mining )?machine sales(?: revenues?)?', 'sales of (?:our )?(?:mining )?(?:machines|miners|products|equipment)', 'hardware (?:sales|revenues?)', 'product sales',
      'equipment sales(?: revenues?)?', 'equipment revenues?',
    ],
    plausible: { min: 0, max: 20_000_000_000 },
  },
  {
    id: 'revenue_mining', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'revenue from self-mining',
    cues: [
      '(?:self-|bitcoin |digital asset )?mining revenues?', 'revenues? from (?:our )?(?:self-|bitcoin )?mining(?: operations| business)?', 'self-mining revenues?',
      'from (?:our )?(?:self-|bitcoin )?mining(?: operations)?', '(?:self-|bitcoin )mining (?:contributed|generated|brought in|accounted for|came to|was|were)',
    ],
    plausible: { min: 0, max: 20_000_000_000 },
  },
  {
    id: 'revenue_other', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'any other named revenue line; entity names it',
    cues: [
      '(?:hosting|cloud|cloud mining|HPC|AI|colocation|data center|home miner|home miners|demand response|power sales|engineering|services|other) revenues?',
      '(?:HPC hosting|hosting|cloud|cloud mining|HPC|AI|colocation|data center|home[- ]mining(?: products)?|home miners?|consumer(?: products)?|demand response|power sales|engineering|services)(?: business| segment)? (?:contributed|generated|brought in|added)',
      'revenues? from (?:hosting|cloud|cloud mining|HPC|AI|colocation|data center|home miners?|demand response|power sales|engineering|services)',
      'from (?:HPC hosting|hosting|cloud mining|colocation|power sales|demand response|engineering services)',
      '(?:HPC hosting|hosting|colocation|cloud mining|power sales|demand response)(?: revenues?)? (?:was|were|came in at|came to|totaled|amounted to|accounted for)',
    ],
    plausible: { min: 0, max: 10_000_000_000 },
  },
  // --- profit and loss ---
  {
    id: 'gross_profit', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'gross profit (negative for a gross loss)',
    cues: ['gross profits?', 'gross loss(?:es)?'], lossCues: ['gross loss'], signed: true, entityFromSegment: true, plausible: { min: -50_000_000_000, max: 50_000_000_000, minAbs: 1000 },
  },
  {
    id: 'gross_margin', unit: '%', kind: 'flow', defaultBasis: 'actual', description: 'gross margin',
    cues: ['gross margins?', 'gross profit margins?', 'mining margins?', 'hosting margins?', 'our margins?(?! (?:on|per|of|for)\\b)'],
    // "our margins increased 2 points to 56.5%": a margin named by no other line is the gross margin, as calls speak of it
    weakCues: ['our margins?(?! (?:on|per|of|for)\\b)'],
    plausible: { min: -100, max: 100 }, entityFromSegment: true,
  },
  {
    id: 'operating_expenses', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'total operating expenses',
    cues: ['(?:total )?operating expenses', 'opex', 'operating costs'], plausible: { min: 1000, max: 50_000_000_000 },
  },
  {
    id: 'operating_income', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'operating income; a loss is negative',
    cues: ['operating income', 'operating (?:loss|losses)', '(?:income|loss) from operations', 'operating profit'], lossCues: ['operating loss', 'loss from operations'],
    signed: true, plausible: { min: -50_000_000_000, max: 50_000_000_000, minAbs: 1000 },
  },
  {
    id: 'net_income', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'net income; a loss is negative',
    cues: ['net income', 'net (?:loss|losses)', 'net profit', 'net earnings'], lossCues: ['net loss'],
    signed: true, plausible: { min: -50_000_000_000, max: 50_000_000_000, minAbs: 1000 },
  },
  {
    id: 'adjusted_ebitda', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'adjusted / non-GAAP EBITDA; a loss is negative',
    cues: ['adjusted EBITDA(?: loss)?', 'non-GAAP EBITDA(?: loss)?', 'EBITDA(?: loss)?'], lossCues: ['EBITDA loss', 'negative'],
    signed: true, plausible: { min: -50_000_000_000, max: 50_000_000_000, minAbs: 1000 },
  },
  {
    id: 'impairment', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'impairment and write-down charges',
    cues: ['impairments?(?: charges?| losses?| expenses?)?', 'write-?downs?', 'written down'], plausible: { min: 1000, max: 50_000_000_000 },
  },
  // --- balance sheet ---
  {
    id: 'cash', unit: 'USD', kind: 'stock', forwardBasis: null, defaultBasis: 'actual', description: 'cash and cash equivalents at a date',
    cues: ['cash and cash equivalents', 'cash (?:balance|position|on hand)', 'cash', '(?:cash|(?:U\\.S\\. |US |USD )?dollar|USD) reserves?'], plausible: { min: 500_000, max: 500_000_000_000 },
    // cash is a balance at a date: "generated $7 million of cash" is a flow, not this metric
    requiresContext: [
      'cash and cash equivalents', 'cash (?:balance|position|on hand|reserves?)', '(?:(?:U\\.S\\. |US |USD )?dollar|USD) reserves?', 'in cash', 'as of', 'at (?:the )?end(?! of the day)', '(?:quarter|year)[- ]end',
      '(?:had|have|held|hold|holding|ended|exited|closed|finished|sitting on)\\b[^.;]{0,50}\\bcash\\b',
    ],
    notAfter: ['(?:generat|receiv|earn|collect|produc|realiz|pa(?:id|y)|spen[dt]|us(?:ed|e))\\w*(?:\\s+(?:over|almost|about|approximately|nearly|roughly|more than|some))?'],
  },
  {
    id: 'accounts_receivable', unit: 'USD', kind: 'stock', defaultBasis: 'actual', description: 'receivables at a date',
    cues: ['accounts? receivables?', 'receivables'], plausible: { min: 1000, max: 50_000_000_000 },
  },
  {
    id: 'financing', unit: 'USD', kind: 'flow', forwardBasis: null, defaultBasis: 'actual', description: 'capital raised (preferred shares, ATM, loans)',
    cues: [
      'raised', 'raise', 'raising', 'issued', 'issuance of', 'proceeds', 'financing', 'preferred shares', 'preferreds', 'preferred(?: (?:equity|stock|offerings?))?', 'at-the-market', 'ATM(?: program| offering| facility)?', 'convertible (?:senior )?notes? offering',
      'private placement', '(?:equity |debt |notes? )?offering', 'credit facility', 'secured loans?', 'term loans?', 'loans?', 'borrowed',
      // the securities sold, after a verb of selling: "we sold $500 million of convertible senior notes", "sold $7 billion of digital credit"
      // ("$25 million of convertible notes outstanding" is debt)
      '(?<=\\b(?:sold|issued|raised|placed|priced)\\b[^.;]{0,40}?\\$[\\d.,]+ ?(?:million|billion)? of (?:our |new )?)(?:convertible (?:senior )?(?:notes?|debt|bonds?)|senior (?:secured )?notes|common (?:stock|shares|equity)|digital credit)',
    ],
    plausible: { min: 10_000, max: 100_000_000_000 },
    // capital raised is a flow: a verb of raising must be said; "total equity rose to $51 billion" is a balance
    requiresContext: ['raised', 'rais(?:e|es|ing)', 'added', 'issued', 'issuing', 'sold', 'selling', 'closed', 'received', 'secured', 'priced', 'drew', 'drawn', 'borrowed', 'proceeds', 'offerings?', 'financing', 'IPOs?', 'ATM', 'at-the-market', 'placement', 'investment'],
    // proceeds of bitcoin sold are no capital raised
    excludesContext: [
      '(?:equity|capital|market cap\\w*|enterprise value)\\s+(?:[a-z]+\\s+){0,2}(?:increased|rose|grew|was|stood|totaled|reached)\\s+(?:to\\s+)?(?:approximately\\s+|about\\s+)?', 'dividends?', 'obligations?', 'related to',
      '(?:sold|sale of|sales of|selling)(?: approximately| about| over)?(?: [\\d,.]+)? (?:of (?:our )?)?(?:bitcoins?|BTC|coins)',
    ],
  },
  {
    id: 'debt', unit: 'USD', kind: 'stock', forwardBasis: null, defaultBasis: 'actual', description: 'debt outstanding at a date',
    cues: ['(?:total |outstanding )?debt', 'borrowings', 'outstanding (?:convertible )?notes', 'notes outstanding', 'outstanding(?: on)?', 'loan balance'], plausible: { min: 10_000, max: 500_000_000_000 },
  },
  {
    id: 'capex', unit: 'USD', kind: 'flow', defaultBasis: 'actual', description: 'capital expenditure, spent or planned',
    // "we plan to spend about $70 million in the second half, mostly on the new order": spending planned, on what is built or bought
    cues: ['capex', 'capital expenditures?', 'capital spending', '(?:plan|expect|intend)s? to (?:spend|invest)'], plausible: { min: 10_000, max: 100_000_000_000 },
  },
  // --- hash rate ---
  {
    id: 'hashrate_sold', unit: 'TH/s', kind: 'flow', ofOneModelAs: 'product_hashrate', defaultBasis: 'actual', datedByDelivery: true, description: 'computing power sold in the period',
    cues: ['computing power sold', 'hash ?rate sold', 'sold', 'sales of', 'sales volume', 'shipped', 'computing power (?:shipped|delivered|deliveries)', '(?:full[- ]year |annual |quarterly )?sales to'],
    plausible: { min: 0, max: 1_000_000_000 },
  },
  {
    id: 'asp_per_hashrate', unit: 'USD/(TH/s)', impliedByUnit: true, kind: 'price', defaultBasis: 'actual', description: 'average selling price per TH/s',
    cues: ['average selling price', 'ASP', 'selling price'],
    excludesContext: ['bought', 'buy(?:ing)?', 'purchas\\w*', 'paid', 'pay(?:ing)?', 'acquir\\w*', 'cost us'],
    plausible: { min: 0.5, max: 200 },
  },
  {
    id: 'hashrate_installed', unit: 'TH/s', kind: 'stock', defaultBasis: 'actual', entityFromRegion: true, plannedAs: 'hashrate_target', ofOneModelAs: 'product_hashrate', description: 'self-mining hash rate installed/deployed/operating at a date',
    cues: [
      'installed(?: hash ?rates?)?', 'deployed', 'energized(?: hash ?rates?)?', 'operat(?:ing|ional) hash ?rates?', 'operating fleet', 'self-mining hash ?rates?', 'hash ?rates?',
      'computing power installed', 'online', 'realized hash ?rates?', 'fleet', 'achieved', 'reached', "(?:we're|we are|we were) (?:now |currently |still )?(?:sitting |running )?at", 'we (?:have|had)',
      // "we anticipate ending the year at 36 exahash", "we exited the quarter at 31 EH/s": what we end at, not the network
      "we(?:'ll|'re| are| will)?(?: [a-z]+){0,3}? (?:end(?:ed|ing)?|exit(?:ed|ing)?|finish(?:ed|ing)?) (?:the|this) (?:fiscal )?(?:year|quarter) at",
    ],
    plausible: { min: 0, max: 2_000_000_000 },
  },
  {
    id: 'hashrate_target', unit: 'TH/s', kind: 'stock', defaultBasis: 'target', entityFromRegion: true, actualAs: 'hashrate_installed', ofOneModelAs: 'product_hashrate', description: 'a planned hash rate (basis target)',
    cues: ['target(?:ing|ed)?', 'goal', 'reach(?:ing)?', 'grow (?:to|our)', 'increase (?:to|our)', 'plan(?:ned)?', 'expand(?:ing)? to', 'guid(?:e|es|ed|ing) to'],
    plausible: { min: 0, max: 5_000_000_000 },
  },
  {
    id: 'efficiency', unit: 'J/TH', impliedByUnit: true, kind: 'spec', defaultBasis: 'actual', description: 'energy efficiency of a product, a fleet, or a target',
    cues: ['(?:power |energy |fleet |average )?efficienc(?:y|ies)', 'J/TH', 'joules'], entityFromModel: true,
    plausible: { min: 5, max: 200 },
  },
  {
    id: 'product_hashrate', unit: 'TH/s', kind: 'spec', defaultBasis: 'spec', description: 'hash rate of one machine model',
    cues: ['delivers', 'per (?:unit|machine|miner)', 'hash ?rate of up to', 'rated at', 'offers', 'with a hash ?rate of', 'runs? at', 'devices?', 'rigs?'], entityFromModel: true,
    plausible: { min: 1, max: 2_000 },
  },
  {
    id: 'network_hashrate', unit: 'TH/s', kind: 'price', defaultBasis: 'market', plausible: { min: 10_000_000, max: 10_000_000_000 }, description: "the Bitcoin network's hash rate",
    cues: ['network hash ?rates?', 'global hash ?rates?', "network's hash ?rate", 'total network hash ?rate', 'network'],
  },
  // --- bitcoin ---
  {
    id: 'btc_mined', unit: 'BTC', kind: 'flow', defaultBasis: 'actual', description: 'bitcoins produced in the period',
    cues: ['mined', 'mine', 'produced', 'produce', 'production', 'self-mined', 'earned'],
    excludesContext: ['cost us', 'lost', 'curtail\\w*', 'forgone', 'would have'],
    plausible: { min: 0, max: 100_000 },
  },
  {
    id: 'btc_held', unit: 'BTC', kind: 'stock', defaultBasis: 'actual', description: 'bitcoins held at a date',
    cues: [
      'held', 'holdings?', 'hold(?:ing)?', 'treasury', 'on hand', 'on (?:our|the|your) balance sheet', 'HODL', 'owned', 'own', 'accumulate(?:d)? to',
      '(?:ended|exited|closed|finished) (?:the (?:year|quarter|period|month)|january|february|march|april|may|june|july|august|september|october|november|december) with', 'we (?:now |currently |still )?(?:had|have)', '(?:bitcoin|BTC) reserves?',
      '(?:had|have|were|are|was) (?:worth|valued at|a (?:fair |market )?value)',
    ],
    weakCues: ['we (?:now |currently |still )?(?:had|have)'],
    plausible: { min: 0, max: 2_000_000 },
  },
  {
    id: 'btc_pledged', unit: 'BTC', kind: 'stock', defaultBasis: 'actual', description: 'bitcoins pledged, lent or transferred out of free holdings',
    cues: ['pledged', 'lent', 'loaned', 'lent out', 'as collateral', 'collateralized', 'secured by', 'restricted', 'transferred'],
    plausible: { min: 0, max: 2_000_000 },
  },
  {
    id: 'btc_sold', unit: 'BTC', kind: 'flow', defaultBasis: 'actual', description: 'bitcoins sold in the period',
    cues: ['sold', 'sell(?:ing)?', 'sales? of', 'liquidated'],
    plausible: { min: 0, max: 2_000_000 },
  },
  {
    id: 'revenue_per_btc', unit: 'USD', kind: 'price', defaultBasis: 'actual', description: 'average revenue or price realised per bitcoin mined',
    cues: [
      '(?:average )?revenue per (?:bitcoin|BTC)(?: mined)?', 'realized price', 'average (?:realized )?price per (?:bitcoin|BTC)', 'realized(?: an)?(?: average)?(?: of)?',
      'average (?:spot )?(?:bitcoin |BTC )?(?:sales|selling|realized) price', '(?:cash|revenue|proceeds) (?:generated |realized |received )?per (?:bitcoin|BTC)',
    ],
    plausible: { min: 1000, max: 2_000_000 },
  },
  {
    id: 'btc_price', unit: 'USD', kind: 'price', defaultBasis: 'market', description: 'a bitcoin market price quoted',
    cues: [
      "(?:bitcoin|BTC)(?:'s|’s)?(?: average| spot)? (?:price|prices)", 'price of (?:bitcoin|BTC)', '(?:bitcoin|BTC)(?: was| is)? trading(?: at| around| near| above| below)?',
      '(?:bitcoin|BTC) (?:closed|ended|finished|averaged|averages|averaging|hit|reached|fell|rose|climbed|dropped|traded)(?: the (?:year|quarter|period))?(?: at| from)?',
      '(?:quarter|year)[- ]end price', 'spot price', '(?:bitcoin|BTC)(?: (?:is|was))? (?:at|north of|above|around|near|over|under|below)(?= (?:about |around |roughly |approximately |nearly |just over |just under )?\\$)',
      // "Bitcoin began the period at roughly $111,000 and reached a new all-time high near $125,000"
      '(?:bitcoin|BTC) (?:began|started|opened|entered)(?: the (?:year|quarter|period))?(?: at)?', '(?:a )?(?:new )?all-time high(?: of| near| at| around| above)?',
      'prices? (?:falling|fell|dropping|dropped|declining|declined|rising|rose|climbing|climbed) to',
    ],
    // a price said without bitcoin in the sentence is some other price
    requiresContext: ['bitcoin', 'BTC', 'spot price', '(?:quarter|year)[- ]end price'],
    plausible: { min: 1000, max: 2_000_000 },
  },
  {
    id: 'btc_held_value', unit: 'USD', kind: 'stock', defaultBasis: 'actual', description: 'the value of the bitcoin held at a date',
    cues: [
      '(?:fair )?(?:market )?value of (?:our )?(?:owned )?(?:bitcoins?|BTC)(?: holdings)?', '(?<=(?:bitcoins?|BTC|coins|holdings?|treasury),?(?: which)? )(?:(?:were|was|are|is) )?(?:worth|valued at)',
      '(?:with )?a (?:fair|market) value of', '(?:bitcoin|BTC) reserves?', '(?<!\\b(?:on|of|from) (?:our |the |its )?)digital assets',
    ],
    // a gain, loss or impairment on digital assets is no value of the holdings
    excludesContext: ['gains?', 'loss(?:es)?', 'impairments?', 'revenues?', 'mark-to-market'],
    plausible: { min: 10_000, max: 500_000_000_000 },
  },
  {
    id: 'cost_per_btc', unit: 'USD', kind: 'price', defaultBasis: 'actual', description: 'cost to mine one bitcoin',
    cues: [
      'cost to (?:mine|produce)(?: one| a| each)? (?:bitcoin|BTC)', '(?:cash |all-in |direct |marginal |production )?costs? per (?:bitcoin|BTC|coin)(?: mined)?',
      '(?:cash|all-in|direct|marginal|production) costs?', '(?:each|per|a|one) (?:coin|bitcoin|BTC) cost(?: us)?',
    ],
    plausible: { min: 1000, max: 2_000_000 },
  },
  // --- power ---
  {
    id: 'power_capacity', unit: 'MW', impliedByUnit: 'likely', kind: 'stock', defaultBasis: 'actual', entityFromRegion: true, entityFromSite: true, plausible: { min: 0.1, max: 50_000 }, description: 'power capacity of sites, planned or energized',
    cues: [
      'capacity', 'power', 'energized', 'energize', 'online', 'sites?', 'campus(?:es)?', 'portfolio', 'interconnect(?:ion)?', 'under contract', 'contracted', 'secured',
      'acquired', 'purchased', 'substation', 'data centers?', 'facilit(?:y|ies)', 'expansion', 'adds?', 'added', 'adding', 'permits?', 'permitted',
      'tenants?', 'build(?:ing)?(?: out)?', 'develop(?:ing|ment)?', 'expand(?:ing)?', 'critical IT(?! loads?)(?: capacity)?', 'IT capacity', 'hand(?:ed)? ?over',
    ],
  },
  {
    id: 'power_cost', unit: 'USD/kWh', impliedByUnit: true, kind: 'price', defaultBasis: 'actual', plausible: { min: 0.005, max: 0.5 }, description: 'cost of power per kWh',
    excludesContext: ['charg\\w*', 'hosting (?:book|rates?|prices?|fees?)', 'clients?', 'customers?'],
    cues: ['power (?:cost|costs|price|prices|rate|rates)', 'electricity (?:cost|costs|price|prices|rate|rates)', 'energy (?:cost|costs)', 'cost of power', 'all-in power', 'cost per (?:kilowatt[- ]hour|kWh)'],
  },
  {
    id: 'hashprice', unit: 'USD/(PH/s)/day', impliedByUnit: true, kind: 'price', defaultBasis: 'market', plausible: { min: 1, max: 5000 }, description: 'revenue per unit of hash rate per day',
    saidAfterAmount: 'hash ?price',
    cues: ['hash ?price'],
  },
  {
    id: 'btc_yield', unit: '%', kind: 'flow', defaultBasis: 'actual', forwardBasis: 'target', description: "a treasury company's BTC Yield",
    cues: ['(?:BTC|bitcoin) yields?(?: KPI)?'], plausible: { min: -100, max: 1000 },
    // a yield "a year over 7 years" in a scenario is a model of the future, no statement
    voidedBy: ['annual(?:ized)?', 'scenarios?', 'illustrative', 'assum\\w*', 'models?', '(?:base|mid|bull|bear|low|high|downside|upside) case', 'over (?:the )?(?:next )?\\d+ years'],
  },
  // --- AI and HPC leases ---
  {
    id: 'arr', unit: 'USD', kind: 'flow', defaultBasis: 'actual', forwardBasis: 'target', entityFromRegion: false, description: 'annualized revenue run rate of a business line',
    cues: ['annual(?:ized)? (?:revenue )?run[- ]rate', 'ARR', 'annuali[sz]ed revenues?', 'run[- ]rate revenues?', 'revenue run[- ]rate'],
    // "$4.5 million a month" is no ARR; "ARR" said of a return on capital is none either
    excludesContext: ['return', 'a month', 'per month', 'monthly'],
    plausible: { min: 100_000, max: 100_000_000_000 },
  },
  {
    id: 'contract_value', unit: 'USD', kind: 'flow', defaultBasis: 'actual', forwardBasis: 'target', description: 'total value of a signed contract or lease over its whole term',
    cues: [
      '(?:total )?contract(?:ed)? value', 'TCV', '(?:lease|contract|agreement|deal)s? (?:valued at|worth|with a value of)', 'prospective (?:lease )?revenues?',
      '(?:total )?(?:lease|contract) revenues? over', '(?:total )?contracted revenues?', `(?:[a-z-]+ )?(?:lease|contract|agreement|deal)(?=[^.;]{0,40}\\b(?:over|for) (?:the )?${termOfYears}\\b)`,
      // "a $9.7 billion AI cloud contract": the amount said as the contract's adjective
      '(?<=\\$ ?[\\d.,]+ (?:million|billion)(?: (?!(?:was|were|is|are|at|in|on|of|for|by|to|from|as|with|and|under)\\b)[A-Za-z-]+){0,3} )(?:lease|contract|agreement|deal)s?',
    ],
    plausible: { min: 1_000_000, max: 500_000_000_000 },
  },
  {
    id: 'gpu_count', unit: 'units', kind: 'stock', defaultBasis: 'actual', forwardBasis: 'target', entityFromModel: true, description: 'GPUs or GPU server nodes deployed, ordered, contracted or planned',
    cues: ['GPUs?', 'GPU servers?', 'GPU nodes?', '(?:NVIDIA )?(?:H100|H200|B200|B300|GB200|GB300|MI300X?|MI325X|MI355X)s?'],
    countNouns: ['GPUs?', 'GPU servers?', 'GPU nodes?'],
    plausible: { min: 1, max: 10_000_000 },
  },
  // --- shares and units ---
  {
    id: 'revenue_share', unit: '%', kind: 'flow', defaultBasis: 'actual', entityFromRegion: true, plausible: { min: 0, max: 100 }, description: 'a share of revenue (entity = region or product)',
    cues: ['of (?:our |total |the )?(?:total )?(?:[a-z-]+ ){0,2}(?:revenues?|sales)', 'share of (?:revenues?|sales)', 'accounted for', 'contributed', 'made up'],
  },
  {
    id: 'eps', unit: 'USD/share', impliedByUnit: true, kind: 'flow', defaultBasis: 'actual', plausible: { min: -1000, max: 1000 }, description: 'earnings (net income or loss) per share',
    saidAfterAmount: '(?:(?<negative>negative)\\s+|positive\\s+)?per\\s+(?:basic\\s+|diluted\\s+|basic\\s+and\\s+diluted\\s+)?share',
    cues: ['(?:net )?(?:loss|income|earnings) per (?:basic |diluted |basic and diluted )?(?:share|ADS)', 'EPS'], lossCues: ['loss per'],
  },
  {
    id: 'eps_adjusted', unit: 'USD/share', kind: 'flow', defaultBasis: 'actual', plausible: { min: -1000, max: 1000 }, description: 'adjusted / non-GAAP earnings per share',
    cues: ['adjusted (?:net )?(?:loss|income|earnings) per (?:basic |diluted )?(?:share|ADS)', 'adjusted EPS', 'non-GAAP EPS'], lossCues: ['loss per'],
  },
  {
    id: 'units_delivered', unit: 'units', kind: 'flow', forwardBasis: 'target', defaultBasis: 'actual', datedByDelivery: true, plausible: { min: 1, max: 10_000_000 }, description: 'machines or products delivered/shipped',
    cues: ['delivered', 'shipped', 'deliveries', 'shipments', 'sold', 'ship(?:ping)?', 'deliver(?:ing)?'], entityFromModel: true,
  },
  {
    id: 'units_ordered', unit: 'units', kind: 'flow', forwardBasis: null, defaultBasis: 'actual', plausible: { min: 1, max: 10_000_000 }, description: 'machines ordered or contracted',
    cues: ['ordered', 'orders?', 'purchase orders?', 'contracted', '(?:purchase |framework |supply )?agreements?', 'for a total of'], entityFromModel: true,
  },
];

export const metricById = new Map(metrics.map((m) => [m.id, m]));

/**
 * Phrases that contain a metric's cue words but name something else: "operating expenses,
 * excluding cost of revenue, were $58.9 million" is no revenue. They are blanked out before cues
 * are looked for.
 */
export const maskedPhrases: readonly string[] = [
  'cost of (?:revenues?|sales|goods sold)', 'revenues? from (?:these|those|this|that|such) \\w+', 'revenue[- ]generating', 'revenue recognition', 'deferred revenues?', 'unrealized (?:gains?|loss(?:es)?)',
  'fair value (?:gains?|loss(?:es)?)', 'change in (?:the )?fair value', 'cash flows?', 'non-cash', 'cash (?:outflows?|inflows?)',
  // "curtailment credits added $4 million to revenue": a contribution to revenue is a part of it
  'to (?:our |total |the )?(?:revenues?|top line)',
  '(?:gains?|loss(?:es)?) on (?:the )?(?:fair value|change in (?:the )?fair value|remeasurement)(?: of (?:our )?(?:bitcoin|BTC|digital assets)(?: holdings)?)?',
];

/**
 * Revenue lines named just before their amount in a breakdown ("Self-mining contributed $70.3
 * million, HPC hosting $3.8 million and third-party hosting $4.8 million"): in a sentence that
 * breaks revenue down, the line said right before a number names it.
 */
export const revenueLines: readonly { metric: string; pattern: string }[] = [
  { metric: 'revenue_mining', pattern: '(?:self-|bitcoin |digital asset )?mining' },
  { metric: 'revenue_product', pattern: '(?:products?|product sales|machine sales|machines|hardware|equipment sales|equipment)' },
  { metric: 'revenue_other', pattern: '(?:(?:HPC|AI|third-party|colocation) )?hosting|colocation|cloud(?: mining)?|power sales|home miners?|engineering services' },
];

/** Words that say a sentence breaks revenue down into lines. */
export const revenueBreakdown = '\\b(?:revenues?|contributed|consisted of|breaks? down|by line|split|comprised|made up of|accounted for)\\b';
