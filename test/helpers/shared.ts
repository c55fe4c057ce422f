// The shared material beside the repository (../shared): the Admin GraphQL schema, reference data.
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Path of a file under ../shared (or $TSUZUKU_SHARED_DIR); fails loudly when it is missing. */
export function sharedPath(relative: string): string {
  const base = process.env.TSUZUKU_SHARED_DIR ?? path.join(ROOT, "../shared");
  const file = path.join(base, relative);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: tests read ../shared beside the repository (or set TSUZUKU_SHARED_DIR)`);
  }
  return file;
}
