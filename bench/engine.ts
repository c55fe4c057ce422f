// Engine benchmark: npx tsx bench/engine.ts --orders 1000000 --customers 200000 --seed 1
// Generates a seeded shop as columns, times load (prepare), each metric family and the whole analysis,
// then the same cohort / repeat / Pareto aggregates in DuckDB over the same rows, side by side (best of
// 3 runs each). The engine's numbers must equal DuckDB's or the run fails (exit code 1).
import { parseArgs } from "node:util";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { analyzeShop, subscriberRows } from "../app/metrics/analyze.ts";
import { fitBgNbd } from "../app/metrics/bgnbd.ts";
import { computeCohorts } from "../app/metrics/cohorts.ts";
import type { ShopDataset } from "../app/metrics/dataset.ts";
import { computeHistoricalLtv } from "../app/metrics/historical-ltv.ts";
import { computePareto } from "../app/metrics/pareto.ts";
import { computePredictedClv, distinctTriples, localDaysOfGroupedOrders, summarizeDays } from "../app/metrics/predicted-clv.ts";
import { DAY_MS, prepareShop } from "../app/metrics/prepare.ts";
import { computeRfm, computeRfmScores } from "../app/metrics/rfm-segments.ts";
import { computeRepeat } from "../app/metrics/totals-repeat.ts";
import { BENCH_SHOP, generateColumnsShop } from "./columns-shop.ts";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    customers: { type: "string", default: "200000" },
    seed: { type: "string", default: "1" },
    runs: { type: "string", default: "3" },
  },
});
const ORDERS = Number(values.orders);
const CUSTOMERS = Number(values.customers);
const RUNS = Number(values.runs);
const { timeZone: TIME_ZONE, asOf: AS_OF } = BENCH_SHOP;

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const ms = (x: number) => `${x.toFixed(1)} ms`;

function best<T>(run: () => T): { value: T; ms: number } {
  let value!: T;
  let fastest = Infinity;
  for (let k = 0; k < RUNS; k++) {
    const started = performance.now();
    value = run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { value, ms: fastest };
}

async function bestAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  let value!: T;
  let fastest = Infinity;
  for (let k = 0; k < RUNS; k++) {
    const started = performance.now();
    value = await run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return { value, ms: fastest };
}

async function loadDuckDb(connection: DuckDBConnection, data: ShopDataset, netByOrder: Float64Array): Promise<void> {
  await connection.run("CREATE TABLE orders (id INTEGER, customer INTEGER, processed_at DOUBLE, net DOUBLE)");
  const appender = await connection.createAppender("orders");
  const { customer, processedAt, cancelled, test } = data.orders;
  // The same counted orders the engine uses (its definition of an order), with the same net amounts.
  for (let i = 0; i < customer.length; i++) {
    if (customer[i] < 0 || cancelled[i] || test[i] || processedAt[i] > AS_OF) continue;
    appender.appendInteger(i);
    appender.appendInteger(customer[i]);
    appender.appendDouble(processedAt[i]);
    appender.appendDouble(netByOrder[i]);
    appender.endRow();
  }
  appender.closeSync();
}

const COHORT_SQL = `
  WITH o AS (SELECT customer, date_trunc('month', timezone('${TIME_ZONE}', to_timestamp(processed_at / 1000))) AS m, net FROM orders),
  f AS (SELECT customer, min(m) AS cohort FROM o GROUP BY customer)
  SELECT strftime(f.cohort, '%Y-%m') AS cohort, date_diff('month', f.cohort, o.m) AS k,
         count(DISTINCT o.customer) AS active, sum(o.net) AS revenue
  FROM o JOIN f USING (customer) GROUP BY ALL`;

const repeatSql = (asOf: number) => `
  WITH r AS (SELECT customer, processed_at AS t, row_number() OVER (PARTITION BY customer ORDER BY processed_at, id) AS rn FROM orders),
  c AS (SELECT customer, min(t) FILTER (WHERE rn = 1) AS first, min(t) FILTER (WHERE rn = 2) AS second FROM r GROUP BY customer)
  SELECT count(*) AS customers, count(second) AS repeaters,
    ${[30, 60, 90, 180, 365]
      .map((d) => `count(*) FILTER (WHERE ${asOf} - first >= ${d * DAY_MS}) AS e${d}, count(*) FILTER (WHERE ${asOf} - first >= ${d * DAY_MS} AND second - first <= ${d * DAY_MS}) AS c${d}`)
      .join(",\n    ")}
  FROM c`;

const PARETO_SQL = `
  WITH c AS (SELECT customer, sum(net) AS total FROM orders GROUP BY customer),
  r AS (SELECT total, row_number() OVER (ORDER BY total DESC) AS rn, count(*) OVER () AS n FROM c)
  SELECT ${[1, 5, 10, 20, 50].map((p) => `sum(total) FILTER (WHERE rn <= ceil(${p} / 100 * n)) AS top${p}`).join(", ")},
         sum(total) AS total, sum((2 * (n - rn + 1) - n - 1) * total) / (max(n) * sum(total)) AS gini
  FROM r`;

async function main(): Promise<void> {
  const failures: string[] = [];
  const check = (what: string, engine: number, duck: number, tolerance = 0) => {
    if (!(Math.abs(engine - duck) <= tolerance * Math.max(1, Math.abs(duck)))) failures.push(`${what}: engine ${engine} ≠ DuckDB ${duck}`);
  };

  let started = performance.now();
  const data = generateColumnsShop(ORDERS, CUSTOMERS, Number(values.seed));
  console.log(`generate ${ORDERS.toLocaleString("en-US")} orders / ${CUSTOMERS.toLocaleString("en-US")} customers: ${ms(performance.now() - started)}`);

  const load = best(() => prepareShop(data, AS_OF));
  const shop = load.value;
  const cohorts = best(() => computeCohorts(shop, "month", TIME_ZONE));
  const weekCohorts = best(() => computeCohorts(shop, "week", TIME_ZONE));
  const repeat = best(() => computeRepeat(data, shop));
  const ltv = best(() => computeHistoricalLtv(data, shop, cohorts.value.cohortOfRow, cohorts.value.grid!.labels, subscriberRows(data, shop)));
  const pareto = best(() => computePareto(shop));
  const rfm = best(() => computeRfm(shop, computeRfmScores(shop)));
  const scores = computeRfmScores(shop);
  const days = localDaysOfGroupedOrders(shop, TIME_ZONE);
  const summary = distinctTriples(summarizeDays(shop, days.dayOfOrder.map((d) => Math.floor(d / 7)), Math.floor(days.asOfDay / 7), 1), 1);
  const fit = best(() => fitBgNbd(summary));
  const clv = best(() => computePredictedClv(shop, TIME_ZONE, { timeUnit: "week", horizonDays: 365, annualDiscountRate: 0.1, calibrationEnd: null }, scores, days));
  const whole = best(() => analyzeShop(data, { asOf: AS_OF }));
  const engineRss = peakRssMb();

  started = performance.now();
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await loadDuckDb(connection, data, shop.netByOrder);
  const duckLoadMs = performance.now() - started;
  const duckCohorts = await bestAsync(() => connection.runAndReadAll(COHORT_SQL));
  const duckRepeat = await bestAsync(() => connection.runAndReadAll(repeatSql(AS_OF)));
  const duckPareto = await bestAsync(() => connection.runAndReadAll(PARETO_SQL));

  // Equality: cohort cells, repeat / F2 counts, Pareto sums and Gini.
  const cells = new Map<string, { active: number; revenue: number }>();
  for (const row of cohorts.value.table.cohorts) {
    row.activeCustomers.forEach((active, k) => {
      if (active > 0 || row.revenue[k] !== 0) cells.set(`${row.cohort}+${k}`, { active, revenue: row.revenue[k] });
    });
  }
  const duckCells = duckCohorts.value.getRowObjectsJS() as { cohort: string; k: bigint; active: bigint; revenue: number }[];
  check("cohort cells", cells.size, duckCells.length);
  for (const cell of duckCells) {
    const mine = cells.get(`${cell.cohort}+${Number(cell.k)}`);
    check(`cohort ${cell.cohort}+${cell.k} active`, mine?.active ?? -1, Number(cell.active));
    check(`cohort ${cell.cohort}+${cell.k} revenue`, mine?.revenue ?? -1, cell.revenue);
  }
  const r = duckRepeat.value.getRowObjectsJS()[0] as Record<string, bigint>;
  check("customers", shop.customers, Number(r.customers));
  check("repeat customers", repeat.value.repeatCustomers, Number(r.repeaters));
  for (const f2 of repeat.value.f2) {
    check(`F2 ${f2.windowDays} eligible`, f2.eligibleCustomers, Number(r[`e${f2.windowDays}`]));
    check(`F2 ${f2.windowDays} converted`, f2.convertedCustomers, Number(r[`c${f2.windowDays}`]));
  }
  const p = duckPareto.value.getRowObjectsJS()[0] as Record<string, number>;
  for (const share of pareto.value.topShares) check(`top ${share.percent}% revenue`, share.revenue, Number(p[`top${share.percent}`]));
  check("Gini", pareto.value.gini ?? NaN, Number(p.gini), 1e-9);

  const line = (name: string, engine: number, duck?: number) =>
    console.log(`${name.padEnd(30)} ${ms(engine).padStart(11)}${duck === undefined ? "" : `   DuckDB ${ms(duck).padStart(11)}   ratio ${(engine / duck).toFixed(2)}`}`);
  console.log(`\nbest of ${RUNS} runs each; engine families start from the prepared columns`);
  line("load (prepare columns)", load.ms);
  line("cohorts by month", cohorts.ms, duckCohorts.ms);
  line("cohorts by week", weekCohorts.ms);
  line("repeat / F2", repeat.ms, duckRepeat.ms);
  line("historical LTV", ltv.ms);
  line("Pareto", pareto.ms, duckPareto.ms);
  line("RFM", rfm.ms);
  line(`BG/NBD fit (${shop.customers.toLocaleString("en-US")} customers, ${summary.frequency.length.toLocaleString("en-US")} distinct)`, fit.ms);
  line("predicted CLV (fits + backtest)", clv.ms);
  line("whole analysis (analyzeShop)", whole.ms);
  console.log(`DuckDB load (appender, not compared): ${ms(duckLoadMs)}`);
  console.log(`BG/NBD: r ${fit.value.params.r.toFixed(4)} α ${fit.value.params.alpha.toFixed(4)} a ${fit.value.params.a.toFixed(4)} b ${fit.value.params.b.toFixed(4)}, ${fit.value.iterations} iterations`);
  console.log(`peak RSS after the engine: ${engineRss.toFixed(0)} MB; after DuckDB: ${peakRssMb().toFixed(0)} MB`);
  const targets = [
    ["whole analysis <= 1500 ms", whole.ms <= 1500],
    ["cohorts ratio <= 1.0", cohorts.ms <= duckCohorts.ms],
    ["repeat ratio <= 1.0", repeat.ms <= duckRepeat.ms],
    ["Pareto ratio <= 1.0", pareto.ms <= duckPareto.ms],
    ["BG/NBD fit <= 300 ms", fit.ms <= 300],
    ["engine peak RSS <= 500 MB", engineRss <= 500],
  ] as const;
  for (const [target, met] of targets) console.log(`target ${target}: ${met ? "met" : "MISSED"}`);
  if (failures.length) {
    console.error(`\n${failures.length} mismatches between the engine and DuckDB:\n${failures.slice(0, 20).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("engine numbers equal DuckDB's for every compared aggregate");
  }
  connection.closeSync();
}

await main();
