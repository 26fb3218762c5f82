/**
 * Errors that services raise and every front end (web pages, API, CLI) turns into its own kind of answer:
 * a GOV.UK error page or error summary, a problem+json body, or a message and exit code.
 */
export interface FieldError {
  /** The field's name as the form, API body or CLI option spells it. */
  field: string;
  message: string;
}

/** Bad input: nothing was changed. */
export class ValidationError extends Error {
  readonly status = 400;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}

/** The thing does not exist — or the caller may not know that it does. Both answer the same. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Not found') {
    super(message);
  }
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'You do not have permission to do that') {
    super(message);
  }
}

export class ConflictError extends Error {
  readonly status = 409;
}
