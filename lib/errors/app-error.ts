// The errors the app expects, each of one kind; a kind fixes the HTTP status it is answered with,
// here and nowhere else (lib/http/error-response.ts and the server actions read it).
export const STATUS_OF_KIND = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  invalid: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorKind = keyof typeof STATUS_OF_KIND;

/**
 * A refusal with a message for the person who asked. `code` names the reason for programs
 * (`already_claimed`, `saml_expired`); it is the kind itself unless a finer one helps a client.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    message: string,
    readonly kind: ErrorKind,
    readonly code: string = kind,
  ) {
    super(message);
    this.status = STATUS_OF_KIND[kind];
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(message, 'not_found');
  }
}

export class ValidationError extends AppError {
  constructor(message: string) {
    super(message, 'invalid');
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, 'forbidden');
  }
}
