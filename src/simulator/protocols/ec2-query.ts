/** EC2 Query: like Query on the way in; answers are <OpResponse> with <item> lists and EC2's error envelope. */
import { commonError, MUTATION_REFUSED, type ErrorTable } from '../errors.js';
import { formParams } from './query.js';
import { buildXml } from './xml.js';
import type { Protocol } from './types.js';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const COMMON: ErrorTable = {
  throttle: ['RequestLimitExceeded', 503],
  throttle429: ['RequestLimitExceeded', 429],
  internal: ['InternalError', 500],
  unavailable: ['Unavailable', 503],
  accessDenied: ['UnauthorizedOperation', 403],
  mutationRefused: [MUTATION_REFUSED, 400],
  unknownOperation: ['InvalidAction', 400],
  invalidToken: ['AuthFailure', 401],
  expiredToken: ['RequestExpired', 400],
};

export const ec2Query: Protocol = {
  operation: (req) => formParams(req).get('Action') ?? '',
  input: (req) => Object.fromEntries(formParams(req)),
  result(op, output, requestId) {
    const body = buildXml({ [`${op}Response`]: { '@_xmlns': XMLNS, requestId, ...(output as object) } });
    return { status: 200, headers: { 'content-type': 'text/xml' }, body };
  },
  error(e, requestId) {
    const body = buildXml({ Response: { Errors: { Error: { Code: e.code, Message: e.message } }, RequestID: requestId } });
    return { status: e.status ?? 400, headers: { 'content-type': 'text/xml' }, body };
  },
  common: (kind, _service, message) => commonError(COMMON, kind, message),
};
