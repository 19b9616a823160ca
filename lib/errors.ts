/**
 * Typed domain errors. Core code throws these; the edge (lib/http.ts for route
 * handlers, lib/forms.ts for server actions) maps them to a status and a
 * sentence once. Messages are written for the person who will read them.
 */

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message, 400);
  }
}

export class AuthenticationRequired extends DomainError {
  constructor(message = "Please log in to do that.") {
    super(message, 401);
  }
}

export class Forbidden extends DomainError {
  constructor(message = "You do not have permission to do that.") {
    super(message, 403);
  }
}

export class NotFound extends DomainError {
  constructor(message = "We could not find that.") {
    super(message, 404);
  }
}

export class Conflict extends DomainError {
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message, 409);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(message = "That request is too large.") {
    super(message, 413);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message = "Send the request as JSON (Content-Type: application/json).") {
    super(message, 415);
  }
}

export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Please try again in ${describeWait(retryAfterSeconds)}.`,
  ) {
    super(message, 429);
  }
}

export class ServiceBusy extends DomainError {
  constructor(
    readonly retryAfterSeconds = 2,
    message = "The site is busy right now and nothing was saved. Please try again in a moment.",
  ) {
    super(message, 503);
  }
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * SQLite's "database is locked" after busy_timeout, as surfaced through Prisma;
 * Prisma's P2028, a transaction that could not start or finish in time
 * (waiting behind other writers) and was rolled back; or PostgreSQL's
 * serialization failure (P2034) after lib/db's retries ran out: busy, nothing written.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : "";
  return /SQLITE_BUSY|database is locked|P1008|P2028|P2034|TransactionWriteConflict|SocketTimeout|could not serialize access|deadlock detected|lock_not_available|55P03/i.test(
    text,
  );
}
