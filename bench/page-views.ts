// Page views on a big generated shop: npx tsx bench/page-views.ts --orders 1000000 --customers 200000
// Builds the snapshot job's input (the analysis now and 30 days earlier, with per-customer facts) on the
// benches' seeded shop plus survey answers from a third of the customers, then each page's view: the
// time to build it (the first view that needs the prepared shop pays for it) and its JSON size, which the
// page loader reads and sends (aim: ≤ 300 KB).
import { parseArgs } from "node:util";
import { unsafeUniformIntDistribution, xoroshiro128plus } from "pure-rand";
import { analyzeShopWithCustomers } from "../app/metrics/analyze.ts";
import type { ShopDataset } from "../app/metrics/dataset.ts";
import { DAY_MS } from "../app/metrics/prepare.ts";
import { PAGE_VIEW_BUILDERS } from "../app/snapshots/views/index.ts";
import { BENCH_SHOP, generateColumnsShop } from "./columns-shop.ts";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    customers: { type: "string", default: "200000" },
    seed: { type: "string", default: "1" },
    only: { type: "string" },
  },
});

/** Survey answers as the app reads them: a satisfaction band, a named channel and a reason per answering customer. */
function addSurveyAnswers(data: ShopDataset, seed: number) {
  const rng = xoroshiro128plus(seed);
  const int = (from: number, to: number) => unsafeUniformIntDistribution(from, to, rng);
  const answers = {
    satisfactionBand: ["low", "neutral", "high"],
    attributionChannel: ["instagram", "x", "facebook", "line", "tiktok", "youtube", "influencer", "friend", "search", "ad", "other"],
    purchaseReason: ["quality", "reviews", "recommendation", "price", "subscription", "gift", "restock", "other"],
  };
  const answered = Uint8Array.from({ length: data.customerCount }, () => (int(0, 2) === 0 ? 1 : 0));
  data.surveySegments = Object.entries(answers).map(([name, list]) => ({
    name,
    values: list,
    valueByCustomer: Int32Array.from(answered, (yes) => (yes ? int(0, list.length - 1) : -1)),
  }));
}

const data = generateColumnsShop(Number(values.orders), Number(values.customers), Number(values.seed));
addSurveyAnswers(data, Number(values.seed) + 1);
let started = performance.now();
const now = analyzeShopWithCustomers(data, { asOf: BENCH_SHOP.asOf });
const then = analyzeShopWithCustomers(data, { asOf: BENCH_SHOP.asOf - 30 * DAY_MS });
console.log(`input: ${values.orders} orders, ${values.customers} customers; both analyses ${(performance.now() - started).toFixed(0)} ms`);
const input = { dataset: data, analysis: now.analysis, previous: then.analysis, comparisonDays: 30, customers: { now: now.customers, previous: then.customers } };
for (const [page, build] of Object.entries(PAGE_VIEW_BUILDERS)) {
  if (values.only && !values.only.split(",").includes(page)) continue;
  started = performance.now();
  const view = build(input);
  const ms = performance.now() - started;
  const bytes = Buffer.byteLength(JSON.stringify(view));
  console.log(`${page.padEnd(14)} build ${ms.toFixed(0).padStart(5)} ms   JSON ${(bytes / 1024).toFixed(1).padStart(7)} KB`);
}
