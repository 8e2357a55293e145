/**
 * Words that make up a speaker's title when a web copy glues it in front of the speech
 * ("Jane Roe: Chief Financial Officer Thanks, John."). A title is a run of these words that
 * ends on a head word; the first word outside the run starts the speech.
 */
export const titleWords: readonly string[] = [
  'Chief', 'Executive', 'Financial', 'Operating', 'Operations', 'Technology', 'Technical', 'Business', 'Strategy',
  'Strategic', 'Information', 'Investment', 'Commercial', 'Revenue', 'Mining', 'Legal', 'Accounting', 'Development',
  'Vice', 'Senior', 'Executive', 'Interim', 'Acting', 'Global', 'Group', 'Deputy', 'Co-Chief', 'Co', 'Co-',
  'Investor', 'Relations', 'Capital', 'Markets', 'Corporate', 'Communications', 'Finance', 'Data', 'Center', 'Centers',
  'Principal', 'Lead', 'Managing', 'General', 'Independent', 'Non-Executive', 'Board', 'the', 'of', 'and', '&', 'for',
  'Research', 'Equity', 'Division', 'IR', 'HPC', 'AI', 'Infrastructure', 'Energy', 'Power', 'Sites',
  'Officer', 'President', 'Chairman', 'Chairwoman', 'Chair', 'Director', 'Head', 'Manager', 'Founder', 'Co-Founder',
  'Cofounder', 'CEO', 'CFO', 'COO', 'CTO', 'CBO', 'CSO', 'CIO', 'CAO', 'EVP', 'SVP', 'VP', 'Analyst', 'Counsel',
  'Treasurer', 'Secretary', 'Controller', 'Partner', 'Associate', 'Specialist', 'Representative',
];

/** A title must end on one of these. */
export const titleHeadWords: readonly string[] = [
  'Officer', 'President', 'Chairman', 'Chairwoman', 'Chair', 'Director', 'Head', 'Manager', 'Founder', 'Co-Founder',
  'Cofounder', 'CEO', 'CFO', 'COO', 'CTO', 'CBO', 'CSO', 'CIO', 'CAO', 'EVP', 'SVP', 'VP', 'Analyst', 'Counsel',
  'Treasurer', 'Secretary', 'Controller', 'Partner', 'Associate', 'Relations', 'Division', 'Representative',
  'Development', 'Finance', 'Operations', 'Strategy', 'IR',
];

/** Titles that make a speaker an investor-relations host rather than an executive. */
export const investorRelationsTitle = /investor relations|\bIR\b|head of communications/i;

/** Titles or firm descriptions that make a speaker an analyst. */
export const analystTitle = /\banalyst\b|research division|\bresearch\b|securities|capital markets,? llc|equity research/i;
