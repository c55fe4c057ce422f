// The same shop gives the same numbers through the CLI and through the app: the shop's bulk export
// (the JSONL the sync reads) analysed by `tsuzuku analyze`, against the app's snapshot of the synced shop.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeSnapshot } from "../../app/snapshots/jobs";
import { startBulkExport, waitForBulkOperation } from "../../app/sync/backfill/bulk-operation";
import { ORDERS_BULK_EXPORT } from "../../app/sync/graphql/OrdersBulkExport";
import { startSyncHarness, type SyncHarness } from "../sync/harness";

const BIN = path.join(import.meta.dirname, "../../bin/tsuzuku.js");
let harness: SyncHarness;

beforeAll(async () => {
  harness = await startSyncHarness({ orders: 1_200, seed: 43 });
  await harness.backfill("orders");
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe("CLI and app", () => {
  it("agree on every order-based figure for the same shop", async () => {
    const app = JSON.parse((await computeSnapshot(harness.database.db, harness.shop)).payload);
    const operation = await waitForBulkOperation(harness.client, await startBulkExport(harness.client, ORDERS_BULK_EXPORT), { intervalMs: 20 });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "tsuzuku-parity-")), "orders.jsonl");
    writeFileSync(file, Buffer.from(await (await fetch(operation.url!)).arrayBuffer()));
    const run = spawnSync(process.execPath, [BIN, "analyze", file, "--format", "json", "--timezone", "Asia/Tokyo", "--currency", "JPY", "--as-of", app.asOf], { encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    const cli = JSON.parse(run.stdout);
    for (const family of ["totals", "repeat", "cohorts", "pareto", "rfm", "historicalLtv", "predictedClv"]) expect({ family, figures: cli[family] }).toEqual({ family, figures: app[family] });
  });
});
