/** The `reason` of a failure Status, as the Kubernetes API server spells it. @public */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'Conflict'
  | 'Expired'
  | 'TooManyRequests'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'Unknown';

/** A `Status` body exactly as the Kubernetes API server sends it with an error. @public */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, unknown>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: Record<string, unknown>;
  code: number;
}

const REASONS: Record<number, StatusReason> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** The API server's message for a continue token older than the last compaction. */
export const EXPIRED_MESSAGE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

/** The API server's default message for an injected failure of that code. */
export function defaultMessage(code: number): string {
  switch (code) {
    case 401:
      return 'Unauthorized';
    case 404:
      return 'the server could not find the requested resource';
    case 410:
      return EXPIRED_MESSAGE;
    case 429:
      return 'Too many requests, please try again later.';
    case 500:
      return 'Internal error occurred: injected failure';
    case 503:
      return 'the server is currently unable to handle the request';
    case 504:
      return 'the server was unable to return a response in the time allotted, but may still be processing the request';
    default:
      return `the server answered ${code}`;
  }
}

/** A failure Status for a code, with the reason Kubernetes uses for it. @public */
export function kubeStatus(
  code: number,
  message = defaultMessage(code),
  details?: Record<string, unknown>,
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason: REASONS[code] ?? (code >= 500 ? 'InternalError' : 'Unknown'),
    ...(details ? { details } : {}),
    code,
  };
}
