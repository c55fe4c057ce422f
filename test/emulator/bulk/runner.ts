// Runs a bulk query: CREATED → RUNNING → COMPLETED (or CANCELED / FAILED), streaming JSONL to a
// file one record at a time with write backpressure, so a 1,000,000-order export never sits in
// memory. Counters update as lines are written, like Shopify's running objectCount.
import { createWriteStream } from "node:fs";
import { stat, unlink } from "node:fs/promises";
import { once } from "node:events";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { AdminContext } from "../graphql/context";
import { isConnectionSource } from "../graphql/connections";
import type { FieldEnv } from "../graphql/fields/field-map";
import { resolveField } from "../graphql/fields/index";
import { ADMIN_API_VERSION, adminSchema } from "../graphql/schema";
import { planBulkQuery } from "./plan";
import { compileProjector } from "./projector";
import type { BulkControl, BulkOperationRecord } from "./registry";

const FLUSH_BYTES = 256 * 1024;
const YIELD_EVERY_ROOTS = 2_000;

/** Starts a CREATED operation; resolves when it reaches a terminal status. */
export function startBulkOperation(ctx: AdminContext, id: number): Promise<void> {
  const op = ctx.bulk.get(id);
  const control = ctx.bulk.control(id);
  if (!op || !control) return Promise.reject(new Error(`No bulk operation ${id}`));
  if (control.settled) return control.settled;
  if (op.status !== "CREATED" && op.status !== "CANCELING") return Promise.resolve();
  control.settled = run(ctx, op, control).catch((error: unknown) => {
    op.status = "FAILED";
    op.errorCode = "INTERNAL_SERVER_ERROR";
    op.completedAt = ctx.now();
    // Keep the cause visible to whoever debugs the test, as Shopify support would.
    console.error(`bulk operation ${op.id} failed in the emulator:`, error);
  });
  return control.settled;
}

async function run(ctx: AdminContext, op: BulkOperationRecord, control: BulkControl): Promise<void> {
  await yieldToEventLoop();
  if (control.cancelRequested) {
    op.status = "CANCELED";
    return;
  }
  op.status = "RUNNING";
  const schema = adminSchema();
  const { plan } = planBulkQuery(schema, op.query);
  if (!plan) throw new Error("bulk query was accepted but no longer plans");
  const env: FieldEnv = { ctx, path: [plan.rootField], warnSearch: () => undefined, apiVersion: ADMIN_API_VERSION };
  // Exports walk rows in id order unless the query asks for another: no sort index to build.
  const root = resolveField("QueryRoot", plan.rootField, undefined, { sortKey: "ID", ...plan.rootArgs }, env);
  if (!isConnectionSource(root)) throw new Error(`${plan.rootField} is not a connection`);
  const { projectNode } = compileProjector(schema, env);
  const { token, filePath } = ctx.bulk.newFile();
  const stream = createWriteStream(filePath);
  let buffer = "";
  const sink = (line: string, isRoot: boolean) => {
    buffer += line + "\n";
    op.objectCount++;
    if (isRoot) op.rootObjectCount++;
  };
  const flush = async () => {
    if (!buffer) return;
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await once(stream, "drain");
  };
  let outcome: "COMPLETED" | "CANCELED" | "FAILED" = "COMPLETED";
  let sinceYield = 0;
  try {
    for (const row of root.all()) {
      if (control.cancelRequested) {
        outcome = "CANCELED";
        break;
      }
      if (control.forced && op.rootObjectCount >= control.forced.afterRootObjects) {
        outcome = "FAILED";
        break;
      }
      projectNode(plan.node, row, sink, null);
      if (buffer.length >= FLUSH_BYTES) await flush();
      if (++sinceYield >= YIELD_EVERY_ROOTS) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    }
    if (control.forced && outcome === "COMPLETED") outcome = "FAILED";
    await flush();
  } finally {
    stream.end();
    await once(stream, "close");
  }
  const size = (await stat(filePath)).size;
  op.completedAt = outcome === "CANCELED" ? null : ctx.now();
  if (outcome === "COMPLETED" && op.objectCount > 0) {
    op.fileToken = token;
    op.fileSize = size;
  } else if (outcome === "FAILED" && op.objectCount > 0) {
    op.partialFileToken = token;
    op.errorCode = control.forced?.errorCode ?? "INTERNAL_SERVER_ERROR";
  } else {
    // Nothing to serve: an empty export has no url (Shopify answers url null), a canceled one neither.
    ctx.bulk.forgetFile(token);
    await unlink(filePath);
    if (outcome === "FAILED") op.errorCode = control.forced?.errorCode ?? "INTERNAL_SERVER_ERROR";
  }
  op.status = outcome;
}
