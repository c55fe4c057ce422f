// bulkOperationRunQuery and bulkOperationCancel. Limits: from API 2026-01 five bulk query
// operations may run at once per shop, before that one
// (https://shopify.dev/docs/api/usage/bulk-operations/queries). Messages are live 2026-04 answers
// recorded in airhorns/shopify-draft-proxy (bulk-operation-run-query-concurrency-limit.json,
// bulk-operation-status-catalog-cancel.json).
import type { FieldMap } from "../graphql/fields/field-map";
import { gid, parseGid } from "../graphql/gid";
import { adminSchema } from "../graphql/schema";
import { planBulkQuery } from "./plan";
import { TERMINAL_STATUSES } from "./registry";
import { startBulkOperation } from "./runner";

export function concurrentBulkQueryLimit(apiVersion: string): number {
  return apiVersion >= "2026-01" ? 5 : 1;
}

export const bulkMutations: FieldMap<unknown> = {
  bulkOperationRunQuery: (_root, args, env) => {
    const query = String(args.query);
    const { errors } = planBulkQuery(adminSchema(), query);
    if (errors.length) return { bulkOperation: null, userErrors: errors };
    const running = env.ctx.bulk.inProgress();
    if (running.length >= concurrentBulkQueryLimit(env.apiVersion)) {
      return {
        bulkOperation: null,
        userErrors: [{
          field: null,
          message: `A bulk query operation for this app and shop is already in progress: ${running.map((op) => gid("BulkOperation", op.id)).join(", ")}.`,
          code: "OPERATION_IN_PROGRESS",
        }],
      };
    }
    const op = env.ctx.bulk.create({ query, groupObjects: Boolean(args.groupObjects), createdAt: env.ctx.now() });
    // The response shows the operation as created; it starts running after the request returns.
    const snapshot = { ...op };
    if (env.ctx.bulk.autoStart) void startBulkOperation(env.ctx, op.id);
    return { bulkOperation: snapshot, userErrors: [] };
  },
  bulkOperationCancel: (_root, args, env) => {
    const parsed = parseGid(String(args.id));
    const op = parsed?.type === "BulkOperation" ? env.ctx.bulk.get(parsed.id) : undefined;
    if (!op) return { bulkOperation: null, userErrors: [{ field: ["id"], message: "Bulk operation does not exist" }] };
    if (TERMINAL_STATUSES.has(op.status)) {
      return { bulkOperation: op, userErrors: [{ field: null, message: `A bulk operation cannot be canceled when it is ${op.status.toLowerCase()}` }] };
    }
    op.status = "CANCELING";
    env.ctx.bulk.control(op.id)!.cancelRequested = true;
    return { bulkOperation: { ...op }, userErrors: [] };
  },
};
