/**
 * What the one who runs the call says when the questions begin. Without a Q&A heading, the Q&A
 * section starts at the first paragraph after the company has spoken in which the operator says
 * one of these; where no operator does, at the first in which the host (who opened the call, or
 * speaks for investor relations) does, as in webinars that a moderator runs.
 */
export const qaStartCues: readonly RegExp[] = [
  /[(\[]operator instructions[)\]]/i,
  /\b(?:first|next) question\b/i,
  /\b(?:question[- ]and[- ]answer|q&a) (?:session|portion|section|segment|part)\b/i,
  /\b(?:open|opening) (?:up )?(?:it |things |this |the (?:call|line|lines|floor) )?(?:up )?(?:for|to) (?:your |some )?(?:questions|q&a)\b/i,
  /\bpress (?:star|\*) ?(?:1|one)\b/i,
  /\bbegin the (?:q&a|question)/i,
  // a host moving the call on: "let's now move to the Q&A", "we'll go to your questions"
  /\b(?:move|moving|proceed|proceeding|turn|turning|go|going|get|transition) (?:on |now )?(?:in)?to (?:the |our |your |some )?(?:[\w-]+ ){0,2}?(?:q&a|questions)\b/i,
  /\b(?:take|taking|field|fielding) (?:your |some |any )?questions\b/i,
];

/**
 * How operators and hosts introduce the next analyst; `name` and `firm` groups. "(Operator
 * Instructions) Jane Roe, Acme Securities.", "The first question comes from the line of Jane Roe
 * with Acme.", "I'd like to invite Jane Roe, our analyst from Acme."
 */
export const analystIntroductions: readonly RegExp[] = [
  /\bquestions? (?:today )?(?:comes?|is) from (?:the line of )?(?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}) (?:with|from|of|at) (?<firm>[A-Z][\w&.,'’ -]{1,60}?)(?:\.|,|;| Please| Your line| You may|$)/,
  /\b(?:go to|goes to|hear from|comes from) (?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}) (?:with|from|of|at) (?<firm>[A-Z][\w&.,'’ -]{1,60}?)(?:\.|,|;| Please| Your line| You may|$)/,
  /(?:^|[.)\]]\s+)(?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}), (?<firm>[A-Z][\w&.'’ -]{1,60}?)\.?\s*$/,
  // a webinar host calling the next guest up, a lowercase aside allowed before the firm
  /\b(?:invite|welcome|have|call on|call upon|bring in) (?<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})(?:, (?:[a-z][\w'’-]* ){1,4})? ?(?:with|from|of|at) (?<firm>[A-Z][\w&.,'’ -]{1,60}?)(?:\.|,|;| to | Please| You may|$)/,
];
