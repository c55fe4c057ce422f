// `npm run setup`: generate both Prisma clients and apply the committed migrations to DATABASE_URL
// (the embedded SQLite file by default). Safe to run again: applied migrations are skipped.
import { DEFAULT_DATABASE_URL, databaseKind } from "../app/db/database-url";
import { generateClients, migrateDatabase } from "./prisma-cli";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const kind = databaseKind(url);

generateClients(true);
console.log("setup: generated the SQLite and PostgreSQL Prisma clients");
migrateDatabase(url);
console.log(`setup: migrations applied to the ${kind} database (${kind === "sqlite" ? url : url.replace(/\/\/[^@]*@/, "//…@")})`);
