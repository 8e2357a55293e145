/**
 * The cross-checks run over each document, as data: adding a check is one module in
 * pipeline/validate/checks/ and one entry here. Checks run, and report, in this order.
 */
import type { Row } from '../schemas/columns.ts';
import type { validationIssues } from '../schemas/index.ts';
import type { DocumentForChecks } from '../pipeline/validate/document-checks.ts';
import { checkArithmetic } from '../pipeline/validate/checks/arithmetic.ts';
import { checkConflicts } from '../pipeline/validate/checks/conflict.ts';
import { checkPeriodSlips } from '../pipeline/validate/checks/period-slip.ts';
import { checkPlausibility } from '../pipeline/validate/checks/plausibility.ts';
import { checkUnitMisstatements } from '../pipeline/validate/checks/unit-misstatement.ts';
import { checkTranslationReason } from '../pipeline/validate/checks/translation.ts';
import { translationCheckRegistry } from './translation-checks.ts';

export type Severity = Row<typeof validationIssues>['severity'];

export interface CheckDefinition {
  name: string;
  description: string;
  /** the severity of a problem the check finds; a check may also confirm what holds with `info` rows */
  severity: Severity;
  run(doc: DocumentForChecks): Row<typeof validationIssues>[];
}

export const checkRegistry: readonly CheckDefinition[] = [
  {
    name: 'conflict',
    description: 'The same KPI (metric, period, basis, change, entity) stated with values that differ beyond rounding, e.g. two speakers giving different bitcoin holdings for one date.',
    severity: 'warning',
    run: checkConflicts,
  },
  {
    name: 'arithmetic',
    description:
      'Figures that must add up: hash rate sold × price per TH/s ≈ product revenue (5%), revenue lines ≤ total revenue (+1%), a stated change ≈ the change between the two stated levels. A check that holds is an info row.',
    severity: 'warning',
    run: checkArithmetic,
  },
  {
    name: 'plausibility',
    description: "A stated level outside the metric's plausible range in the metric registry.",
    severity: 'warning',
    run: checkPlausibility,
  },
  {
    name: 'unit_misstatement',
    description: 'A quantity said with a unit that makes no sense for what it measures, e.g. an efficiency in "gigawatts per hash".',
    severity: 'warning',
    run: checkUnitMisstatements,
  },
  {
    name: 'period_slip',
    description: "A figure labelled with another quarter than the call's own while it equals the figure stated for the call's quarter: a slip of the tongue, not a second value.",
    severity: 'warning',
    run: checkPeriodSlips,
  },
  // one check per reason of the translation registry, so each kind of translation error is its own name
  ...translationCheckRegistry.map(
    (t): CheckDefinition => ({
      name: `translation_${t.reason}`,
      description: `Chinese translation of a bilingual call, ${t.label}: ${t.description}`,
      severity: 'warning',
      run: (doc) => checkTranslationReason(doc, t.reason),
    }),
  ),
];

export const checkByName = new Map(checkRegistry.map((c) => [c.name, c]));
