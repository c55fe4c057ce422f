// Measures bulk export speed on a large synthetic shop (orders materialised on demand, like the
// generator's columns). Run: npx tsx test/emulator/bulk/measure-export.ts [orders]
// Prints orders/s and lines/s; timings belong here, never in tests.
import { readFile, stat } from "node:fs/promises";
import { executeAdminGraphQL } from "../graphql/execute";
import { createAdminContext } from "../graphql/context";
import { MutableShopStore } from "../store/shop-store";
import type { ShopSource } from "../store/source";
import type { EmOrder } from "../store/types";
import { bulkOperationSettled } from "./hooks";

const count = Number(process.argv[2] ?? 1_000_000);
const T0 = Date.parse("2024-01-01T00:00:00Z");
const ids = new Float64Array(count).map((_, i) => i + 1);

function materializeOrder(id: number): EmOrder | undefined {
  if (id < 1 || id > count) return undefined;
  const at = T0 + id * 60_000;
  const lines = 1 + (id % 3);
  return {
    id, name: `#${1000 + id}`, createdAt: at, processedAt: at, updatedAt: at + (id % 97) * 1000, cancelledAt: null, cancelReason: null,
    closedAt: null, test: false, sourceName: "web", customerId: 1 + (id % 50_000), discountCodes: id % 10 ? [] : ["WELCOME"], tags: [],
    currencyCode: "JPY", presentmentCurrencyCode: "JPY", presentmentRate: 1, shippingPrice: 500, taxTotal: 0,
    lineItems: Array.from({ length: lines }, (_, k) => ({
      id: count + id * 4 + k, productId: 10 + k, variantId: 100 + k, title: "Coffee", sku: `C-${k}`, quantity: 1, currentQuantity: 1,
      unitPrice: 2400, discount: 0, sellingPlan: k === 0 && id % 4 === 0 ? { id: 5, name: "毎月お届け", intervalUnit: "MONTH" as const, intervalCount: 1 } : null,
      contractId: null,
    })),
    refunds: [], journey: null, financialStatus: "PAID", fulfillmentStatus: "FULFILLED",
  };
}

const source: ShopSource = {
  shop: { id: 1, domain: "big.myshopify.com", name: "Big", currencyCode: "JPY", ianaTimezone: "Asia/Tokyo", planTier: "plus", planDisplayName: "Plus", createdAt: T0 },
  orderIds: () => ids,
  materializeOrder,
  orderUpdatedAt: (id) => materializeOrder(id)?.updatedAt,
  customerIds: () => [],
  materializeCustomer: () => undefined,
  contractIds: () => [],
  materializeContract: () => undefined,
  sellingPlans: () => [],
  nextId: () => count * 10,
};

const ctx = createAdminContext({ store: new MutableShopStore(source), bulk: { autoStart: false } });
const query = `{ orders { edges { node { id name processedAt updatedAt discountCodes customer { id }
  currentTotalPriceSet { shopMoney { amount currencyCode } }
  lineItems { edges { node { id quantity sku sellingPlan { name sellingPlanId } originalUnitPriceSet { shopMoney { amount } } } } } } } } }`;
const response = await executeAdminGraphQL(ctx, {
  query: "mutation R($q: String!) { bulkOperationRunQuery(query: $q) { bulkOperation { id } userErrors { message } } }",
  variables: { q: query },
});
const id = Number(String((response.body.data as { bulkOperationRunQuery: { bulkOperation: { id: string } } }).bulkOperationRunQuery.bulkOperation.id).split("/").pop());
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
await bulkOperationSettled(ctx, id);
const seconds = (performance.now() - started) / 1000;
const op = ctx.bulk.get(id)!;
const file = ctx.bulk.filePath(op.fileToken!)!;
const size = (await stat(file)).size;
console.log(`exported ${op.rootObjectCount} orders, ${op.objectCount} lines, ${(size / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
console.log(`${Math.round(op.rootObjectCount / seconds)} orders/s, ${Math.round(op.objectCount / seconds)} lines/s; rss +${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB`);
if (count <= 3) console.log(await readFile(file, "utf8"));
