/** An error the simulator answers with; each protocol renders it in its own wire shape. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** HTTP status; when absent the protocol's usual status for client errors (400). */
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * Error kinds that every service can answer with (faults, authentication, refusals);
 * each protocol maps them to the code and status AWS uses for that protocol.
 */
export type CommonErrorKind = 'throttle' | 'throttle429' | 'internal' | 'unavailable' | 'accessDenied' | 'mutationRefused' | 'unknownOperation' | 'invalidToken' | 'expiredToken';

export const MUTATION_REFUSED = 'TrailguardSimulatorMutationRefused';

/** A protocol's (code, HTTP status) for each common error kind. */
export type ErrorTable = Record<CommonErrorKind, readonly [code: string, status: number]>;

export function commonError(table: ErrorTable, kind: CommonErrorKind, message: string): SimError {
  const [code, status] = table[kind];
  return new SimError(code, message, status);
}
