/** ARN parsing: trailguard joins resources across accounts by the account and region inside their ARNs. */
export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the account id (`trail/name`, `key/1234`, `log-group:name:*`). */
  resource: string;
}

export function parseArn(arn: string | undefined): ParsedArn | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  const parts = arn.split(':');
  if (parts.length < 6) return undefined;
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  return { partition, service, region, accountId, resource: parts.slice(5).join(':') };
}

/** The account id inside an ARN, or undefined when the ARN has none (S3 buckets) or is not an ARN. */
export function arnAccount(arn: string | undefined): string | undefined {
  const account = parseArn(arn)?.accountId;
  return account ? account : undefined;
}

/** A log group ARN without the `:*` that CloudTrail's CloudWatchLogsLogGroupArn carries. */
export function logGroupArnKey(arn: string): string {
  return arn.endsWith(':*') ? arn.slice(0, -2) : arn;
}

/** The log group name inside a log group ARN (`arn:aws:logs:r:a:log-group:NAME[:*]`). */
export function logGroupNameFromArn(arn: string): string | undefined {
  const resource = parseArn(logGroupArnKey(arn))?.resource;
  return resource?.startsWith('log-group:') ? resource.slice('log-group:'.length) : undefined;
}
