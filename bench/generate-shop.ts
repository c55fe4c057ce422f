// Benchmark of the emulator's shop generator:
//   npx tsx bench/generate-shop.ts --orders 1000000 --seed 1 [--currency JPY] [--timezone Asia/Tokyo] [--out orders.jsonl]
// Prints generation time, orders/s, the time to materialise every order, then to stream them all as
// JSONL (as a bulk export would; to --out, else only counted), and peak RSS — so "a million orders never sit
// in memory as objects" is a measured claim. Headline truth comes from the same run.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { addNetRevenue, generateShop, topShare } from "../test/emulator/generator";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    seed: { type: "string", default: "1" },
    currency: { type: "string", default: "JPY" },
    timezone: { type: "string", default: "Asia/Tokyo" },
    out: { type: "string" },
  },
});

const peakRssMb = () => process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
const heapMb = () => process.memoryUsage().heapUsed / 2 ** 20;
const format = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const orderCount = Number(values.orders);
  const baselineRss = peakRssMb();

  const started = performance.now();
  const shop = generateShop({ seed: Number(values.seed), orders: orderCount, currency: values.currency, timezone: values.timezone });
  const generationMs = performance.now() - started;
  const rssAfterGeneration = peakRssMb();

  // Pass 1: materialise every order, keeping only revenue per customer.
  const materialiseStarted = performance.now();
  const revenue = new Map<number, number>();
  for (const order of shop.orders()) addNetRevenue(revenue, order);
  const materialiseMs = performance.now() - materialiseStarted;

  // Pass 2: stream every order as one JSON line, as a bulk export does; wait on back-pressure.
  const sink = values.out ? createWriteStream(values.out) : null;
  let bytes = 0;
  const streamStarted = performance.now();
  for (const order of shop.orders()) {
    const line = JSON.stringify(order) + "\n";
    bytes += Buffer.byteLength(line);
    if (sink && !sink.write(line)) await once(sink, "drain");
  }
  if (sink) {
    sink.end();
    await once(sink, "finish");
  }
  const streamMs = performance.now() - streamStarted;

  const a = shop.truth.aggregates;
  const rows: [string, string][] = [
    ["orders", format(orderCount)],
    ["generation", `${format(generationMs / 1000, 2)} s (${format(orderCount / (generationMs / 1000))} orders/s)`],
    ["materialise every order", `${format(materialiseMs / 1000, 2)} s (${format(orderCount / (materialiseMs / 1000))} orders/s)`],
    ["materialise + JSONL stream", `${format(streamMs / 1000, 2)} s (${format(orderCount / (streamMs / 1000))} orders/s, ${format(bytes / 2 ** 20, 1)} MiB${values.out ? ` to ${values.out}` : ""})`],
    ["peak RSS", `${format(peakRssMb())} MiB (runtime before generating ${format(baselineRss)} MiB, after generating ${format(rssAfterGeneration)} MiB, heap now ${format(heapMb())} MiB)`],
    ["customers", `${format(a.customers)} (${format(a.subscribers)} subscribers, ${format(a.contracts)} contracts)`],
    ["revenue share of top 20% customers", `${format(topShare(revenue.values(), 0.2) * 100, 1)}%`],
    ["orders by kind", Object.entries(a.ordersByKind).map(([k, n]) => `${k} ${format(n)}`).join(", ")],
    ["cancelled / refunded", `${format(a.cancelledOrders)} / ${format(a.refundedOrders)}`],
    ["contracts by status", Object.entries(a.contractsByStatus).map(([k, n]) => `${k} ${format(n)}`).join(", ")],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
