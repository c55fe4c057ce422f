// postinstall: generate the SQLite and PostgreSQL Prisma clients (into app/generated/, not committed).
import { generateClients } from "./prisma-cli";

generateClients(true);
console.log("generated Prisma clients: app/generated/prisma-sqlite, app/generated/prisma-postgres");
