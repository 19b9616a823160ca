import { PrismaPg } from "@prisma/adapter-pg";

type Query = { sql: string };
type PgTransaction = {
  client: { release(error?: Error | boolean): void };
  cleanup?: () => void;
  performIO(query: Query): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

/**
 * The pg adapter for the app's client, with one repair. Prisma sends COMMIT
 * through the transaction's connection and, when PostgreSQL refuses it (a
 * serialization failure found at commit), never hands the connection back:
 * adapter-pg 6.19 releases it only in commit() and rollback(), which are then
 * not called. Each such conflict cost the pool a connection for good, and
 * after ten the process hung (found by the concurrent-posting test). Here a
 * failed COMMIT releases its connection, destroyed rather than reused, and
 * a later commit() or rollback() does not release it twice.
 */
export class QuirePostgresAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const transaction = await startTransaction(...args);
      releaseOnFailedCommit(transaction as unknown as PgTransaction);
      return transaction;
    };
    return adapter;
  }
}

function releaseOnFailedCommit(transaction: PgTransaction): void {
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    transaction.cleanup?.();
    transaction.client.release(error);
  };
  const performIO = transaction.performIO.bind(transaction);
  transaction.performIO = async (query) => {
    try {
      return await performIO(query);
    } catch (error) {
      if (/^\s*COMMIT\s*$/i.test(query.sql)) release(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
  };
  transaction.commit = async () => release();
  transaction.rollback = async () => release();
}
