// One source of truth for the models: prisma/schema.prisma. These tests fail when the derived
// PostgreSQL schema was hand-edited or not re-derived, or when the committed migrations do not build
// exactly what the schema describes (on a real database of the kind under test).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectedPostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from "../../scripts/prisma-schemas";
import { diffDatabaseToSchema } from "../../scripts/migration-state";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../helpers/database";

describe("schema drift", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("prisma/postgres/schema.prisma is exactly derived from prisma/schema.prisma", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(expectedPostgresSchema());
  });

  it(`the committed ${testDatabaseKind} migrations build exactly the schema`, () => {
    expect(diffDatabaseToSchema(t.url, testDatabaseKind)).toBe("");
  });

  it("every table is tenant-scoped: a shop column, and every index and unique key starts with it", () => {
    const schema = readFileSync(SQLITE_SCHEMA, "utf8");
    const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
    expect(models.length).toBeGreaterThan(15);
    // Job is the embedded queue's own table (cross-shop; pg-boss plays this part on PostgreSQL).
    for (const [, name, body] of models.filter(([, n]) => n !== "Job")) {
      expect(body, `${name} has a shop column`).toMatch(/^\s+shop\s+String\b/m);
      for (const [, attr, fields] of body.matchAll(/@@(index|unique|id)\(\[([^\]]+)\]/g)) {
        expect(fields.split(",")[0].trim(), `${name} @@${attr}([${fields}]) starts with shop`).toBe("shop");
      }
    }
  });
});
