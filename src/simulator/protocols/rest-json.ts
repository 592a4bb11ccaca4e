/** REST-JSON (the Account API): operation from the path (POST /listRegions), JSON bodies. */
import { commonError, MUTATION_REFUSED, SimError, type ErrorTable } from '../errors.js';
import { jsonError } from './aws-json.js';
import type { Protocol } from './types.js';

const COMMON: ErrorTable = {
  throttle: ['TooManyRequestsException', 429],
  throttle429: ['TooManyRequestsException', 429],
  internal: ['InternalServerException', 500],
  unavailable: ['ServiceUnavailable', 503],
  accessDenied: ['AccessDeniedException', 403],
  mutationRefused: [MUTATION_REFUSED, 400],
  unknownOperation: ['UnknownOperationException', 404],
  invalidToken: ['UnrecognizedClientException', 403],
  expiredToken: ['ExpiredTokenException', 403],
};

export const restJson: Protocol = {
  operation(req) {
    const name = req.path.split('/').filter(Boolean)[0] ?? '';
    return name.charAt(0).toUpperCase() + name.slice(1);
  },
  input(req) {
    if (req.body.length === 0) return {};
    try {
      return JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      throw new SimError('ValidationException', 'Request body is not valid JSON');
    }
  },
  result(_op, output, requestId) {
    return { status: 200, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId }, body: JSON.stringify(output ?? {}) };
  },
  error(e, requestId) {
    return jsonError(e, requestId, 'application/json');
  },
  common: (kind, _service, message) => commonError(COMMON, kind, message),
};

/**
 * REST-JSON for a service whose operations are routed by method and path (Security Hub: GET
 * /accounts is DescribeHub); query parameters join the body as input. An unrouted request is
 * named "<METHOD> <path>", so a write nobody routed still counts as a mutation.
 */
export function routedRestJson(routes: Readonly<Record<string, string>>): Protocol {
  return {
    ...restJson,
    operation: (req) => routes[`${req.method} ${req.path}`] ?? `${req.method} ${req.path}`,
    input: (req) => ({ ...Object.fromEntries(req.query), ...(restJson.input(req) as Record<string, unknown>) }),
  };
}
