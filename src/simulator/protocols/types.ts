/** The seam between the HTTP server and a wire protocol (AWS JSON, Query, EC2, REST-JSON, REST-XML). */
import type { IncomingHttpHeaders } from 'node:http';
import type { CommonErrorKind, SimError } from '../errors.js';

export interface WireRequest {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Host header without the port. */
  host: string;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export interface Protocol {
  /** The operation the request names (X-Amz-Target, Action, method + path...). */
  operation(req: WireRequest): string;
  /** The operation's input as handlers read it. */
  input(req: WireRequest): unknown;
  result(operation: string, output: unknown, requestId: string): WireResponse;
  error(error: SimError, requestId: string, req: WireRequest): WireResponse;
  /** The code and status this protocol (and service) uses for a common error kind. */
  common(kind: CommonErrorKind, service: string, message: string): SimError;
}
