import type { TaskDefinitionContext } from './context.ts';
import type { Finding, LearnMore } from './types.ts';

/** One semantic rule: a stable id, what it checks, where it is documented, and the check. */
export interface Rule {
  /** Stable kebab-case id; the code of the findings it reports. */
  id: string;
  /** One line: what the rule checks. */
  summary: string;
  learnMore: LearnMore;
  check(ctx: TaskDefinitionContext): Finding[];
}

type FindingInput = Omit<Finding, 'code' | 'learnMore' | 'severity'> & Partial<Pick<Finding, 'severity'>>;

/** Builds a finding carrying the rule's code and links; severity defaults to error. */
export function finding(rule: Pick<Rule, 'id' | 'learnMore'>, input: FindingInput): Finding {
  return { severity: 'error', code: rule.id, learnMore: rule.learnMore, ...input };
}
