// Benchmark of the emulator's bulk export on a generated shop, through the real GraphQL path
// (bulkOperationRunQuery → runner → JSONL file), with the order query the sync uses:
//   npx tsx bench/bulk-export.ts --orders 1000000 --seed 1
// Prints generation time, export time, orders/s and lines/s, file size and peak RSS, so "the export
// streams without holding the shop in memory" is a measured claim.
import { rmSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateShop } from "../test/emulator/generator";
import { MutableShopStore } from "../test/emulator/store/shop-store";
import { createAdminContext } from "../test/emulator/graphql/context";
import { executeAdminGraphQL } from "../test/emulator/graphql/execute";
import { bulkOperationSettled } from "../test/emulator/bulk/hooks";

const { values } = parseArgs({
  options: { orders: { type: "string", default: "1000000" }, seed: { type: "string", default: "1" } },
});
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

const ORDERS_QUERY = `{ orders(query: "updated_at:>'2000-01-01T00:00:00Z'") { edges { node {
  id name createdAt processedAt updatedAt cancelledAt test sourceName discountCodes
  customer { id }
  customerJourneySummary { customerOrderIndex daysToConversion firstVisit { source sourceType utmParameters { source medium campaign } } }
  currentTotalPriceSet { shopMoney { amount currencyCode } }
  totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
  refunds { id createdAt totalRefundedSet { shopMoney { amount } } }
  lineItems { edges { node { id quantity sku product { id } variant { id }
    originalUnitPriceSet { shopMoney { amount } } discountedTotalSet { shopMoney { amount } }
    sellingPlan { name sellingPlanId } } } } } } } }`;

const generationStarted = performance.now();
const shop = generateShop({ seed: Number(values.seed), orders: Number(values.orders) });
const generationS = (performance.now() - generationStarted) / 1000;
const rssAfterGeneration = peakRssMb();

const ctx = createAdminContext({ store: new MutableShopStore(shop), bulk: { autoStart: false } });
const response = await executeAdminGraphQL(ctx, {
  query: "mutation R($q: String!) { bulkOperationRunQuery(query: $q, groupObjects: false) { bulkOperation { id } userErrors { message } } }",
  variables: { q: ORDERS_QUERY },
});
const run = (response.body.data as { bulkOperationRunQuery: { bulkOperation: { id: string } | null; userErrors: { message: string }[] } }).bulkOperationRunQuery;
if (!run.bulkOperation) throw new Error(`bulk query refused: ${JSON.stringify(run.userErrors)}`);
const id = Number(run.bulkOperation.id.split("/").pop());

const exportStarted = performance.now();
await bulkOperationSettled(ctx, id);
const exportS = (performance.now() - exportStarted) / 1000;
const op = ctx.bulk.get(id)!;
if (op.status !== "COMPLETED") throw new Error(`bulk operation ended ${op.status}`);
const file = ctx.bulk.filePath(op.fileToken!)!;
const bytes = statSync(file).size;
rmSync(file, { force: true });

console.log(`shop: ${fmt(shop.orderCount())} orders, ${fmt(shop.customerIds().length)} customers (seed ${values.seed})`);
console.log(`generation: ${fmt(generationS, 2)} s (${fmt(shop.orderCount() / generationS)} orders/s), peak RSS ${fmt(rssAfterGeneration)} MB  [target < 60 s]`);
console.log(`bulk export: ${fmt(op.rootObjectCount)} orders, ${fmt(op.objectCount)} JSONL objects, ${fmt(bytes / 2 ** 20)} MiB in ${fmt(exportS, 1)} s`);
console.log(`  ${fmt(op.rootObjectCount / exportS)} orders/s, ${fmt(op.objectCount / exportS)} objects/s`);
console.log(`peak RSS of the whole run: ${fmt(peakRssMb())} MB`);
