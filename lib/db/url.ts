import path from "node:path";

/** Folder for the SQLite file and the generated encryption key (overridable for tests and installs). */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONNECTOR_DATA_DIR ?? "data");
}

/** DATABASE_URL wins; otherwise an SQLite file in the data folder. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? `file:${path.join(dataDir(), "connector.db")}`;
}
