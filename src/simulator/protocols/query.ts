/**
 * AWS Query (SNS, STS): form-encoded POST with Action=..., answers as
 * <OpResponse><OpResult>...</OpResult><ResponseMetadata/></OpResponse>; lists are <member>.
 */
import { commonError, MUTATION_REFUSED, type ErrorTable } from '../errors.js';
import { buildXml } from './xml.js';
import type { Protocol, WireRequest } from './types.js';

const COMMON: ErrorTable = {
  throttle: ['Throttling', 400],
  throttle429: ['Throttling', 429],
  internal: ['InternalFailure', 500],
  unavailable: ['ServiceUnavailable', 503],
  accessDenied: ['AccessDenied', 403],
  mutationRefused: [MUTATION_REFUSED, 400],
  unknownOperation: ['InvalidAction', 400],
  invalidToken: ['InvalidClientTokenId', 403],
  expiredToken: ['ExpiredToken', 400],
};

/** Query parameters of a form body (Action, Version and the operation's flattened members). */
export type QueryInput = Record<string, string>;

export function formParams(req: WireRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body.toString('utf8')) : req.query;
}

export function queryProtocol(xmlns: string): Protocol {
  return {
    operation: (req) => formParams(req).get('Action') ?? '',
    input: (req) => Object.fromEntries(formParams(req)),
    result(op, output, requestId) {
      const body = buildXml({
        [`${op}Response`]: { '@_xmlns': xmlns, [`${op}Result`]: output ?? '', ResponseMetadata: { RequestId: requestId } },
      });
      return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
    },
    error(e, requestId) {
      const status = e.status ?? 400;
      const body = buildXml({
        ErrorResponse: {
          '@_xmlns': xmlns,
          Error: { Type: status >= 500 ? 'Receiver' : 'Sender', Code: e.code, Message: e.message },
          RequestId: requestId,
        },
      });
      return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
    },
    common: (kind, _service, message) => commonError(COMMON, kind, message),
  };
}
