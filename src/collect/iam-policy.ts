/** The least-privilege, read-only IAM policy for a collection plan, from the same table the collector follows. */
import { SECTIONS, type Plan } from './sections.js';

export interface IamPolicy {
  Version: '2012-10-17';
  Statement: Array<{ Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }>;
}

export function iamActionsFor(plan: Plan): string[] {
  const actions = new Set<string>();
  for (const id of plan) for (const call of SECTIONS[id].calls) if (call.iamAction) actions.add(call.iamAction);
  return [...actions].sort();
}

export function iamPolicyFor(plan: Plan): IamPolicy {
  return {
    Version: '2012-10-17',
    // Resource "*": trail, bucket and key names are only known after listing them.
    Statement: [{ Sid: 'TrailguardReadOnly', Effect: 'Allow', Action: iamActionsFor(plan), Resource: '*' }],
  };
}

/**
 * The IAM policy `--security-hub` needs, on its own: never part of the read-only policy. With
 * the default product, an account imports into its own product ARN in each region.
 */
export const SECURITY_HUB_IMPORT_POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'TrailguardSecurityHubImport', Effect: 'Allow', Action: ['securityhub:BatchImportFindings'], Resource: 'arn:*:securityhub:*:*:product/*/default' }],
} as const;

/** Read-only means List/Get/Describe; the test over every plan holds the collector to it. */
export function isReadOnlyAction(action: string): boolean {
  const operation = action.split(':')[1] ?? '';
  return /^(List|Get|Describe)[A-Z]/.test(operation);
}
