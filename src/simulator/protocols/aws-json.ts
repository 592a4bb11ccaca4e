/** AWS JSON 1.0 / 1.1: POST /, operation in X-Amz-Target, JSON bodies, errors as {__type, message}. */
import { MUTATION_REFUSED, SimError, type ErrorTable } from '../errors.js';
import type { Protocol, WireResponse } from './types.js';

/** Services whose throttling error is not ThrottlingException. */
const THROTTLE_CODE: Record<string, string> = { organizations: 'TooManyRequestsException' };

const COMMON: ErrorTable = {
  throttle: ['ThrottlingException', 400],
  throttle429: ['ThrottlingException', 429],
  internal: ['InternalFailure', 500],
  unavailable: ['ServiceUnavailable', 503],
  accessDenied: ['AccessDeniedException', 400],
  mutationRefused: [MUTATION_REFUSED, 400],
  unknownOperation: ['UnknownOperationException', 400],
  invalidToken: ['UnrecognizedClientException', 400],
  expiredToken: ['ExpiredTokenException', 400],
};

export function awsJson(version: '1.0' | '1.1'): Protocol {
  const contentType = `application/x-amz-json-${version}`;
  return {
    operation(req) {
      const target = req.headers['x-amz-target'];
      const dot = typeof target === 'string' ? target.lastIndexOf('.') : -1;
      return dot >= 0 ? (target as string).slice(dot + 1) : '';
    },
    input(req) {
      if (req.body.length === 0) return {};
      try {
        return JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
      } catch {
        throw new SimError('SerializationException', 'Request body is not valid JSON');
      }
    },
    result(_op, output, requestId) {
      return { status: 200, headers: { 'content-type': contentType, 'x-amzn-requestid': requestId }, body: JSON.stringify(output ?? {}) };
    },
    error(e, requestId) {
      return jsonError(e, requestId, contentType);
    },
    common(kind, service, message) {
      const [code, status] = COMMON[kind];
      return new SimError(kind.startsWith('throttle') ? (THROTTLE_CODE[service] ?? code) : code, message, status);
    },
  };
}

export function jsonError(e: SimError, requestId: string, contentType: string): WireResponse {
  return {
    status: e.status ?? 400,
    headers: { 'content-type': contentType, 'x-amzn-requestid': requestId, 'x-amzn-errortype': e.code },
    body: JSON.stringify({ __type: e.code, message: e.message }),
  };
}

export type JsonInput = Record<string, unknown>;

/** A string member of a request, '' when absent. The SDK sends only strings there: anything else is a malformed request. */
export function stringMember(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new SimError('SerializationException', `expected a string, got ${JSON.stringify(value)}`);
  return value;
}
