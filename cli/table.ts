// The human-readable report: the same figures as --format json, money formatted with Intl.
import type { AnalysisResult } from "../app/metrics/analyze.ts";

export function renderTable(result: AnalysisResult): string {
  const money = (minor: number | null) =>
    minor === null
      ? "–"
      : new Intl.NumberFormat("en", { style: "currency", currency: result.currency }).format(minor / 10 ** result.currencyDecimals);
  const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
  const num = (x: number | null, digits = 2) => (x === null ? "–" : x.toFixed(digits));
  const out: string[] = [];
  const section = (title: string) => out.push("", title, "-".repeat(title.length));
  const row = (label: string, value: string) => out.push(`${label.padEnd(34)} ${value}`);
  const t = result.totals;
  out.push(`Tsuzuku retention report — as of ${result.asOf} (${result.timeZone}, ${result.currency})`);
  section("Totals");
  row("Customers", String(t.customers));
  row("Orders", String(t.orders));
  row("Orders without a customer", String(t.ordersWithoutCustomer));
  row("Cancelled / test orders excluded", String(t.excludedCancelledOrTest));
  row("Net revenue", money(t.netRevenue));
  row("Refunds", money(t.refunds));
  row("Average order value", money(t.averageOrderValue));
  row("Orders per customer", num(t.ordersPerCustomer));
  section("Repeat");
  row("Repeat-customer rate", pct(result.repeat.repeatCustomerRate));
  for (const f of result.repeat.f2) row(`Second order within ${f.windowDays} days`, `${pct(f.rate)} of ${f.eligibleCustomers}`);
  const gap = result.repeat.timeToSecondOrderDays;
  row("Days to 2nd order (p25/median/p75)", `${num(gap.p25, 1)} / ${num(gap.median, 1)} / ${num(gap.p75, 1)}`);
  section("Monthly cohorts (retention by month since first order)");
  for (const c of result.cohorts.month.cohorts.slice(-12)) {
    out.push(`${c.cohort} ${String(c.customers).padStart(7)}  ${c.retention.slice(0, 12).map((r) => pct(r).padStart(6)).join(" ")}`);
  }
  section("Historical LTV per customer");
  for (const w of result.historicalLtv.overall) row(`${w.windowDays} days`, `${money(w.ltv)} (${w.eligibleCustomers} customers)`);
  section("Pareto");
  for (const s of result.pareto.topShares) row(`Top ${s.percent}% of customers`, pct(s.share));
  row("Gini", num(result.pareto.gini, 3));
  section("RFM segments");
  for (const s of result.rfm.segments) row(s.segment, `${String(s.customers).padStart(7)} customers  ${money(s.revenue)}`);
  section(`Predicted CLV (${result.predictedClv.horizonDays} days)`);
  const clv = result.predictedClv;
  if (clv.bgnbd) {
    const p = clv.bgnbd.params;
    row(`BG/NBD (per ${clv.timeUnit})`, `r ${num(p.r, 4)}  α ${num(p.alpha, 4)}  a ${num(p.a, 4)}  b ${num(p.b, 4)}`);
  }
  if (clv.gammaGamma) row("Gamma-Gamma", `p ${num(clv.gammaGamma.params.p, 4)}  q ${num(clv.gammaGamma.params.q, 4)}  v ${num(clv.gammaGamma.params.v, 2)}`);
  row("Expected purchases in horizon", num(clv.expectedPurchasesInHorizon, 1));
  row("Mean predicted CLV", money(clv.meanClv));
  if (clv.backtest) {
    row("Backtest: holdout purchases", `predicted ${num(clv.backtest.predictedPurchases, 1)}, actual ${clv.backtest.actualPurchases}`);
  }
  for (const note of clv.notes) row("Note", note);
  if (result.subscriptions) {
    const s = result.subscriptions;
    section("Subscriptions");
    row("Active subscribers", String(s.activeSubscribers));
    row("MRR", money(s.mrr));
    row("Average monthly churn", pct(s.averageMonthlyChurnRate));
  }
  return `${out.join("\n")}\n`;
}
