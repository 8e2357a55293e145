/**
 * What an operator says when the questions begin. Without a Q&A heading, the Q&A section starts
 * at the first operator paragraph after the company has spoken that says one of these.
 */
export const qaStartCues: readonly RegExp[] = [
  /[(\[]operator instructions[)\]]/i,
  /\b(?:first|next) question\b/i,
  /\bquestion[- ]and[- ]answer (?:session|portion)\b/i,
  /\b(?:open|opening) (?:up )?(?:the (?:call|line|lines|floor) )?(?:up )?(?:for|to) questions\b/i,
  /\bpress (?:star|\*) ?(?:1|one)\b/i,
  /\bbegin the (?:q&a|question)/i,
];

/**
 * How operators introduce the next analyst; `name` and `firm` groups. "(Operator Instructions)
 * Jane Roe, Acme Securities.", "The first question comes from the line of Jane Roe with Acme."
 */
export const analystIntroductions: readonly RegExp[] = [
  /\bquestions? (?:today )?(?:comes?|is) from (?:the line of )?(?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}) (?:with|from|of|at) (?<firm>[A-Z][\w&.,'’ -]{1,60}?)(?:\.|,|;| Please| Your line| You may|$)/,
  /\b(?:go to|goes to|hear from|comes from) (?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}) (?:with|from|of|at) (?<firm>[A-Z][\w&.,'’ -]{1,60}?)(?:\.|,|;| Please| Your line| You may|$)/,
  /(?:^|[.)\]]\s+)(?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), (?<firm>[A-Z][\w&.'’ -]{1,60}?)\.?\s*$/,
];
