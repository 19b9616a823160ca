import { DomainError } from "@/lib/errors";

/**
 * The file cannot be imported at all: not XML, hostile, or not an export
 * Quire understands. Raised before anything is written, so the database is
 * as it was; the message says what is wrong and, where it can, where.
 */
export class ImportRefused extends DomainError {
  constructor(message: string) {
    super(message, 400);
  }
}
