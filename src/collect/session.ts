/**
 * One account's collection session: every AWS call goes through `call`, which applies the
 * per-(account, region, service) concurrency limit, counts the call, keeps the raw response
 * for the evidence bundle and turns failures into recorded errors. Nothing is thrown past it.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { ApiError } from '../inventory/types.js';
import { redactHeld } from '../util/held-secrets.js';
import { PER_SERVICE_CONCURRENCY } from './aws-target.js';
import { isTimeout, type ClientCache } from './clients.js';

/** An API response as AWS returned it, kept for the evidence bundle. */
export interface RawResponse {
  accountId: string;
  region: string;
  service: string;
  operation: string;
  requestId?: string;
  params: unknown;
  response: unknown;
}

export interface CallSpec {
  service: string;
  operation: string;
  region: string;
  /** The resource the call is about (trail ARN, bucket name, key ARN), recorded with any error. */
  resource?: string | undefined;
  params?: unknown;
  /** Error names that mean "not configured": the value is absent, and that is not an error. */
  absentOn?: readonly string[];
  /** Added to an error's message: what the reader needs to know to fix it (e.g. who owns the resource). */
  errorHint?: string;
}

export type CallOutcome<T> = { kind: 'ok'; value: T } | { kind: 'absent'; errorName: string } | { kind: 'error'; error: ApiError };

/** What a collection did, for progress, benchmarks and tests. */
export interface CallEvent {
  accountId: string;
  region: string;
  service: string;
  operation: string;
  ok: boolean;
  retries: number;
}

export interface SessionOptions {
  accountId: string;
  partition: string;
  globalRegion: string;
  clients: ClientCache;
  /** Calls in flight per (region, service) for this account. */
  perServiceConcurrency?: number;
  keepRaw?: boolean;
  onCall?: (event: CallEvent) => void;
}

interface SdkMetadata {
  requestId?: string;
  attempts?: number;
}

export class Session {
  /** Set by bindAccount when the caller did not know it in advance. */
  accountId: string;
  readonly partition: string;
  readonly globalRegion: string;
  readonly clients: ClientCache;
  readonly errors: ApiError[] = [];
  readonly raw: RawResponse[] = [];
  /** Regions where each `service:Operation` was answered (the evidence that a region deny is regional). */
  readonly answered = new Map<string, Set<string>>();
  private readonly limits = new Map<string, LimitFunction>();
  /** (region, service) endpoints that hung: the call that timed out twice, by endpoint. */
  private readonly hung = new Map<string, ApiError>();
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.accountId = options.accountId;
    this.partition = options.partition;
    this.globalRegion = options.globalRegion;
    this.clients = options.clients;
  }

  /** The account id learnt from sts:GetCallerIdentity, also on what was recorded before it was known. */
  bindAccount(accountId: string): void {
    for (const record of [...this.raw, ...this.errors]) if (record.accountId === this.accountId) record.accountId = accountId;
    this.accountId = accountId;
  }

  async call<T extends object>(spec: CallSpec, send: () => Promise<T>): Promise<CallOutcome<T>> {
    const limit = this.limitFor(spec.region, spec.service);
    return limit(async () => {
      // One hung endpoint costs about two request timeouts, not two per queued call.
      const hungBy = this.hung.get(`${spec.region}/${spec.service}`);
      if (hungBy) {
        this.report(spec, false, undefined);
        return {
          kind: 'error',
          error: this.record(
            spec,
            'TimeoutError',
            `not sent: ${spec.service} in ${spec.region} did not answer ${hungBy.operation}${hungBy.resource ? ` (${hungBy.resource})` : ''} within two request timeouts earlier in this scan`,
          ),
        };
      }
      try {
        const value = await send();
        const metadata = (value as { $metadata?: SdkMetadata }).$metadata;
        this.report(spec, true, metadata);
        if (this.options.keepRaw) this.keep(spec, value, metadata?.requestId);
        return { kind: 'ok', value };
      } catch (thrown) {
        const metadata = (thrown as { $metadata?: SdkMetadata }).$metadata;
        const errorName = errorNameOf(thrown);
        // "Not configured" is an answer, not a failure.
        const absent = spec.absentOn?.includes(errorName) ?? false;
        this.report(spec, absent, metadata);
        if (absent) return { kind: 'absent', errorName };
        const said = thrown instanceof Error ? thrown.message : String(thrown);
        const timedOut = isTimeout(thrown);
        const error = this.record(
          spec,
          errorName,
          timedOut ? `timed out: no answer within the request timeout, ${metadata?.attempts ?? 1} attempt(s) (${said})` : `${said}${spec.errorHint ? ` (${spec.errorHint})` : ''}`,
          metadata?.requestId,
        );
        if (timedOut) this.hung.set(`${spec.region}/${spec.service}`, error);
        return { kind: 'error', error };
      }
    });
  }

  private record(spec: CallSpec, errorName: string, message: string, requestId?: string): ApiError {
    const error: ApiError = {
      accountId: this.accountId,
      region: spec.region,
      service: spec.service,
      operation: spec.operation,
      ...(spec.resource ? { resource: spec.resource } : {}),
      errorName,
      // An endpoint may echo the request's credentials (a session token, the Authorization header).
      message: redactHeld(message),
      ...(requestId ? { requestId } : {}),
    };
    this.errors.push(error);
    return error;
  }

  private limitFor(region: string, service: string): LimitFunction {
    const key = `${region}/${service}`;
    let limit = this.limits.get(key);
    if (!limit) {
      limit = pLimit(this.options.perServiceConcurrency ?? PER_SERVICE_CONCURRENCY);
      this.limits.set(key, limit);
    }
    return limit;
  }

  private report(spec: CallSpec, ok: boolean, metadata: SdkMetadata | undefined): void {
    if (ok) {
      const call = `${spec.service}:${spec.operation}`;
      this.answered.set(call, (this.answered.get(call) ?? new Set()).add(spec.region));
    }
    this.options.onCall?.({
      accountId: this.accountId,
      region: spec.region,
      service: spec.service,
      operation: spec.operation,
      ok,
      retries: Math.max(0, (metadata?.attempts ?? 1) - 1),
    });
  }

  private keep(spec: CallSpec, value: object, requestId: string | undefined): void {
    const { $metadata: _ignored, ...response } = value as Record<string, unknown>;
    this.raw.push({
      accountId: this.accountId,
      region: spec.region,
      service: spec.service,
      operation: spec.operation,
      ...(requestId ? { requestId } : {}),
      params: spec.params ?? {},
      response,
    });
  }
}

/** The AWS error code of a thrown SDK error (S3 and Query errors carry it as `name` or `Code`). */
export function errorNameOf(thrown: unknown): string {
  if (thrown && typeof thrown === 'object') {
    const e = thrown as { name?: string; Code?: string; code?: string };
    const name = e.Code ?? e.name ?? e.code;
    if (name && name !== 'Error') return name;
  }
  return 'UnknownError';
}

/** Follows a token-paginated list operation, gathering items until a page fails. */
export async function paginate<P extends object, T>(
  session: Session,
  spec: CallSpec,
  page: (token: string | undefined) => Promise<P>,
  next: (output: P) => string | undefined,
  items: (output: P) => T[] | undefined,
): Promise<{ items: T[]; complete: boolean; error?: ApiError; absent?: boolean }> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const outcome = await session.call({ ...spec, params: { ...(spec.params as object), ...(token ? { token } : {}) } }, () => page(token));
    if (outcome.kind === 'absent') return { items: out, complete: true, absent: true };
    if (outcome.kind === 'error') return { items: out, complete: false, error: outcome.error };
    out.push(...(items(outcome.value) ?? []));
    token = next(outcome.value);
  } while (token);
  return { items: out, complete: true };
}

/** What to say when another account's resource can't be read with this account's credentials. */
export function foreignHint(kind: string, owner: string | undefined): string {
  return `the ${kind} belongs to ${owner ? `account ${owner}` : 'another account'}; scan with --organization, or with that account's credentials, to read it`;
}
