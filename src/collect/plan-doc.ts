/** Renders docs/api-calls.md from the sections table, so the documented plan is the one that runs. */
import { iamActionsFor } from './iam-policy.js';
import { ALL_SECTIONS, SECTION_IDS, SECTIONS, SWEEP_SECTIONS } from './sections.js';

export function renderApiCallsDoc(): string {
  const lines = [
    '# API calls trailguard makes',
    '',
    '<!-- Generated from src/collect/sections.ts by `npm run docs`; a test fails when it is stale. -->',
    '',
    'trailguard reads one account in *sections*. Each section is a set of read-only calls; a',
    'scan runs the sections its rules need (all of them by default). Trails are listed once',
    '(`ListTrails` sees every region) and each trail is read once, by ARN, in its home region:',
    'regional coverage is computed from those answers, never by reading the trail again in',
    'every region. Each bucket, key, log group and topic a trail references is read once.',
    '',
    '| Section | Call | How often | IAM action | Fills |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const id of SECTION_IDS) {
    const section = SECTIONS[id];
    section.calls.forEach((call, i) => {
      lines.push(
        `| ${i === 0 ? `\`${id}\`` : ''} | ${call.service}:${call.operation} | ${call.scope} | ${call.iamAction ? `\`${call.iamAction}\`` : '(none needed)'} | ${i === 0 ? section.fills : ''} |`,
      );
    });
  }
  lines.push(
    '',
    '## Notes',
    '',
    '- `regions`: `ec2:DescribeRegions` runs only when `account:ListRegions` is denied.',
    '- `trail-insight-selectors`: only for trails whose `HasInsightSelectors` is true.',
    '- `organization-*`: only from the management account; a member records its',
    '  `DescribeOrganization` answer and nothing else.',
    "- Buckets, keys and log groups in another account are read with that account's",
    '  credentials during an organization sweep; a single-account scan tries its own and',
    '  records AccessDenied as an error naming the owner.',
    '- Answers that mean "not configured" (`NoSuchBucketPolicy`, `NoSuchLifecycleConfiguration`,',
    '  `ServerSideEncryptionConfigurationNotFoundError`, `ObjectLockConfigurationNotFoundError`,',
    '  `InsightNotEnabledException`, ...) are recorded as absent values, not errors; so is',
    '  Security Hub\'s `InvalidAccessException` ("not subscribed") from `DescribeHub`.',
    '- `config-recorders`, `vpc-flow-logs`, `security-hub` (CIS Config, flow logs and Security Hub',
    '  controls): one call per enabled region each, plus the recorder status where a recorder',
    '  exists and the flow logs where a VPC exists: 3 to 5 calls per enabled region.',
    '',
    '## Permissions',
    '',
    `All sections together need ${iamActionsFor(ALL_SECTIONS).length} read-only actions: see [iam-policy.json](iam-policy.json).`,
    `The sections ${SWEEP_SECTIONS.map((s) => `\`${s}\``).join(' and ')} run only in organization sweeps, whose`,
    'management-account credentials also need `sts:AssumeRole` on the member role',
    '(`OrganizationAccountAccessRole` by default); trailguard never calls anything else that writes.',
    '',
  );
  return lines.join('\n');
}
