/**
 * `--security-hub` (scan and report): the run's ASFF findings sent to Security Hub, then one
 * line per account and region saying what was accepted and refused, and why.
 */
import type { AwsTarget, MemberRole } from '../collect/aws-target.js';
import { importFindings } from '../collect/securityhub-import.js';
import type { ResultsDocument } from '../evaluate/types.js';
import { asffFindings } from '../report/asff.js';
import { plural } from '../report/explain.js';
import type { Io } from '../util/io.js';
import { visible } from '../util/visible-text.js';

// Refusals printed per account and region; the rest are counted.
const SHOWN = 3;

/** Resolves to whether every finding was accepted. */
export async function sendToSecurityHub(doc: ResultsDocument, target: AwsTarget, memberRole: MemberRole | undefined, io: Io): Promise<boolean> {
  let outcomes;
  try {
    outcomes = await importFindings(target, asffFindings(doc), memberRole ? { memberRole } : {});
  } catch (error) {
    const e = error as Error;
    io.err(`security hub: nothing imported: cannot identify the calling account (sts:GetCallerIdentity ${visible(e.name)}: ${visible(e.message)})\n`);
    return false;
  }
  let accepted = 0;
  let refused = 0;
  for (const o of outcomes) {
    accepted += o.accepted;
    refused += o.refused.length;
    io.err(`security hub: ${o.accountId} ${o.region}: ${o.accepted} accepted, ${o.refused.length} refused\n`);
    for (const r of o.refused.slice(0, SHOWN)) io.err(`  refused ${visible(r.id)}: ${visible(r.reason)}\n`);
    if (o.refused.length > SHOWN) io.err(`  … and ${plural(o.refused.length - SHOWN, 'more refused finding')}\n`);
  }
  io.err(
    `security hub: ${plural(accepted, 'finding')} imported, ${refused} refused (BatchImportFindings, ${outcomes.length} account-region ${outcomes.length === 1 ? 'batch' : 'batches'})\n`,
  );
  return refused === 0;
}
