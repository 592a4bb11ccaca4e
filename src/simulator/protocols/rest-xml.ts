/**
 * REST-XML (S3 and S3 Control): the operation is the method, the bucket (path style or the
 * `<bucket>.localhost` virtual host), the key and the sub-resource in the query string.
 */
import { commonError, MUTATION_REFUSED, type ErrorTable } from '../errors.js';
import { buildXml } from './xml.js';
import type { Protocol, WireRequest } from './types.js';

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

const COMMON: ErrorTable = {
  throttle: ['SlowDown', 503],
  throttle429: ['SlowDown', 429],
  internal: ['InternalError', 500],
  unavailable: ['ServiceUnavailable', 503],
  accessDenied: ['AccessDenied', 403],
  mutationRefused: [MUTATION_REFUSED, 400],
  unknownOperation: ['NotImplemented', 501],
  invalidToken: ['InvalidAccessKeyId', 403],
  expiredToken: ['ExpiredToken', 400],
};

export interface S3Input {
  bucket?: string;
  key?: string | undefined;
  query: URLSearchParams;
  headers: WireRequest['headers'];
}

/** What an S3 handler answers: an XML document (root element included), or raw bytes, plus headers. */
export interface S3Output {
  status?: number;
  headers?: Record<string, string>;
  xml?: Record<string, unknown>;
  body?: Buffer;
}

/** Sub-resource → the read operation that GETs it. */
const GET_SUBRESOURCE: Array<[string, string]> = [
  ['policyStatus', 'GetBucketPolicyStatus'],
  ['policy', 'GetBucketPolicy'],
  ['acl', 'GetBucketAcl'],
  ['ownershipControls', 'GetBucketOwnershipControls'],
  ['encryption', 'GetBucketEncryption'],
  ['lifecycle', 'GetBucketLifecycleConfiguration'],
  ['versioning', 'GetBucketVersioning'],
  ['publicAccessBlock', 'GetPublicAccessBlock'],
  ['object-lock', 'GetObjectLockConfiguration'],
  ['logging', 'GetBucketLogging'],
  ['replication', 'GetBucketReplication'],
  ['tagging', 'GetBucketTagging'],
  ['location', 'GetBucketLocation'],
  ['versions', 'ListObjectVersions'],
  ['uploads', 'ListMultipartUploads'],
];

export function s3Address(req: WireRequest): { bucket?: string; key?: string | undefined } {
  const path = req.path;
  const dot = req.host.endsWith('.localhost') ? req.host.length - '.localhost'.length : -1;
  if (dot > 0) {
    const key = path.length > 1 ? path.slice(1) : undefined;
    return { bucket: req.host.slice(0, dot), key };
  }
  const slash = path.indexOf('/', 1);
  if (path.length <= 1) return {};
  if (slash < 0) return { bucket: path.slice(1) };
  const key = path.slice(slash + 1);
  return { bucket: path.slice(1, slash), key: key === '' ? undefined : key };
}

function s3Operation(req: WireRequest): string {
  const xid = req.query.get('x-id');
  if (xid) return xid;
  const { bucket, key } = s3Address(req);
  const method = req.method;
  if (!bucket) return method === 'GET' ? 'ListBuckets' : `${method} /`;
  const sub = GET_SUBRESOURCE.find(([name]) => req.query.has(name));
  if (method === 'GET' || method === 'HEAD') {
    if (key !== undefined) return sub?.[0] === 'tagging' ? 'GetObjectTagging' : sub?.[0] === 'acl' ? 'GetObjectAcl' : method === 'HEAD' ? 'HeadObject' : 'GetObject';
    if (method === 'HEAD') return 'HeadBucket';
    if (sub) return sub[1];
    return req.query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
  }
  // Writes: name them as AWS does so refusals are counted under a recognisable operation.
  const verb = method === 'DELETE' ? 'Delete' : 'Put';
  if (sub) return `${verb}${sub[1].replace(/^Get|^List/, '')}`;
  if (key !== undefined) return method === 'POST' ? 'PostObject' : `${verb}Object`;
  if (req.query.has('delete')) return 'DeleteObjects';
  return method === 'DELETE' ? 'DeleteBucket' : 'CreateBucket';
}

function restXml(operation: (req: WireRequest) => string, errorRoot: 'Error' | 'ErrorResponse'): Protocol {
  return {
    operation,
    input: (req): S3Input => ({ ...s3Address(req), query: req.query, headers: req.headers }),
    result(_op, output, requestId) {
      const o = output as S3Output;
      const headers: Record<string, string> = { 'x-amz-request-id': requestId, ...o.headers };
      if (o.body) return { status: o.status ?? 200, headers, body: o.body };
      if (o.xml) headers['content-type'] = 'application/xml';
      return { status: o.status ?? 200, headers, body: o.xml ? buildXml(o.xml) : '' };
    },
    error(e, requestId, req) {
      const status = e.status ?? 400;
      const headers = { 'x-amz-request-id': requestId, 'content-type': 'application/xml' };
      // HEAD answers carry no body; the SDK names the error from the status (NotFound, Forbidden).
      if (req.method === 'HEAD') return { status, headers, body: '' };
      const error = { Code: e.code, Message: e.message, RequestId: requestId };
      const body = buildXml(errorRoot === 'Error' ? { Error: error } : { ErrorResponse: { Error: error, RequestId: requestId } });
      return { status, headers, body };
    },
    common: (kind, _service, message) => commonError(COMMON, kind, message),
  };
}

export const s3Protocol = restXml(s3Operation, 'Error');

/** S3 Control: /v20180820/configuration/publicAccessBlock with the account in x-amz-account-id. */
export const s3ControlProtocol = restXml((req) => {
  if (req.path === '/v20180820/configuration/publicAccessBlock') {
    return req.method === 'GET' ? 'GetPublicAccessBlock' : req.method === 'PUT' ? 'PutPublicAccessBlock' : 'DeletePublicAccessBlock';
  }
  return `${req.method} ${req.path}`;
}, 'ErrorResponse');
