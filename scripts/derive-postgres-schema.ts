// Writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectedPostgresSchema, POSTGRES_SCHEMA } from "./prisma-schemas";

mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());
console.log(`wrote ${path.relative(process.cwd(), POSTGRES_SCHEMA)}`);
