import { PrismaPg } from "@prisma/adapter-pg";

/** PostgreSQL's type ids: `name` and `name[]`, read as `text` and `text[]`. */
const NAME = 19;
const NAME_ARRAY = 1003;
const TEXT = 25;
const TEXT_ARRAY = 1009;

type Field = { dataTypeID: number };
type Queryable = { performIO(...args: unknown[]): Promise<{ fields: Field[] }> };
type ScriptRunner = {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
};

/**
 * adapter-pg 6.19 runs a migration by splitting it at every ";", which cuts a
 * function body (and a comment holding a semicolon) in pieces. PostgreSQL
 * takes the whole script in one simple query, and runs it atomically.
 */
function runScriptsWhole<T>(adapter: T): T {
  const target = adapter as unknown as ScriptRunner;
  target.executeScript = async (script) => {
    try {
      await target.underlyingDriver().query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  return adapter;
}

function readNamesAsText<T>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const performIO = target.performIO.bind(target);
  target.performIO = async (...args) => {
    const result = await performIO(...args);
    for (const field of result.fields) {
      if (field.dataTypeID === NAME) field.dataTypeID = TEXT;
      else if (field.dataTypeID === NAME_ARRAY) field.dataTypeID = TEXT_ARRAY;
    }
    return result;
  };
  return queryable;
}

/**
 * The pg adapter for Prisma's schema engine (prisma.config.ts: `migrate
 * deploy`, `migrate diff`). The engine reads PostgreSQL's catalogs, whose
 * columns are of type `name`, which adapter-pg 6.19 refuses ("Column type
 * 'name' could not be deserialized", prisma/orm#27403), so every migrate
 * command failed. `name` is text of at most 63 bytes: it is handed over as
 * text. Scripts are sent whole (runScriptsWhole). The app's own client (lib/db/connect.ts) never reads such columns and
 * uses the adapter as shipped.
 */
export class PostgresMigrateAdapterFactory extends PrismaPg {
  override async connect() {
    const adapter = runScriptsWhole(readNamesAsText(await super.connect()));
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => readNamesAsText(await startTransaction(...args));
    return adapter;
  }
}
