/**
 * Which database a DATABASE_URL names: `postgres://` or `postgresql://` is
 * PostgreSQL; anything else (`file:` above all) is SQLite, the zero-setup
 * default. Free of imports so that the server bundle, scripts and tests can ask.
 */
export type Dialect = "sqlite" | "postgres";

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}
