// Subscription metrics from contract spans: active subscribers and MRR, monthly movements (new, churned,
// reactivated) measured at month ends in the shop's time zone, churn rate, lifetimes, subscriber LTV
// and an sBG retention projection per start cohort.
import type { ShopDataset } from "./dataset.ts";
import { periodGrid } from "./period-grid.ts";
import { DAY_MS, type PreparedShop } from "./prepare.ts";
import { fitSbg, sbgSurvival, type SbgParams } from "./sbg.ts";

/** Average month: 365.25 / 12 days. */
export const MONTH_MS = (365.25 / 12) * DAY_MS;
const PROJECTION_MONTHS = 12;

/** Monthly multiplier of one billing: MONTH 1/n, YEAR 1/(12n), WEEK (365.25/12)/(7n), DAY (365.25/12)/n. */
export function monthlyFactor(unit: number, count: number): number {
  const perMonth = [365.25 / 12, 365.25 / 12 / 7, 1, 1 / 12][unit];
  if (perMonth === undefined || !(count > 0)) throw new RangeError(`bad billing interval ${unit} × ${count}`);
  return perMonth / count;
}

export interface SubscriptionMonth {
  month: string;
  /** Subscribers with an active span at the month end (at asOf for the current month). */
  activeSubscribers: number;
  mrr: number;
  new: number;
  reactivated: number;
  churned: number;
  /** churned / active at the previous month end. */
  churnRate: number | null;
}

export interface SbgCohort {
  cohort: string;
  subscribers: number;
  churned: number;
  params: SbgParams | null;
  /** Projected share still subscribed after 0..12 months. */
  projectedSurvival: number[] | null;
}

export interface SubscriptionMetrics {
  subscribers: number;
  activeSubscribers: number;
  mrr: number;
  months: SubscriptionMonth[];
  /** Mean churn rate over the last 12 complete months with subscribers. */
  averageMonthlyChurnRate: number | null;
  /** 1 / averageMonthlyChurnRate. */
  expectedLifetimeMonths: number | null;
  /** Mean observed active time per subscriber (spans summed, open spans to asOf), in months. */
  averageObservedLifetimeMonths: number | null;
  /** Mean net revenue of subscribers' counted orders (minor units). */
  subscriberLtv: number | null;
  /** Current MRR per active subscriber / averageMonthlyChurnRate. */
  projectedSubscriberLtv: number | null;
  sbg: { all: SbgCohort; byCohort: SbgCohort[] };
}

export function computeSubscriptions(data: ShopDataset, shop: PreparedShop): SubscriptionMetrics | null {
  const subs = data.subscriptions;
  if (!subs || subs.subscriber.length === 0) return null;
  const asOf = shop.asOf;
  const spans: number[] = [];
  let earliest = Infinity;
  let subscriberCount = 0;
  for (let i = 0; i < subs.subscriber.length; i++) {
    if (!(subs.startedAt[i] <= asOf)) continue;
    spans.push(i);
    earliest = Math.min(earliest, subs.startedAt[i]);
    subscriberCount = Math.max(subscriberCount, subs.subscriber[i] + 1);
  }
  if (spans.length === 0) return null;
  const grid = periodGrid("month", data.timeZone, earliest, asOf);
  const months = grid.labels.length;
  // Checkpoint m is the end of month m, or asOf for the month still running.
  const checkpoint = (m: number) => Math.min(grid.boundaries[m + 1] - 1, asOf);
  const activeAt = new Uint8Array(subscriberCount * months);
  const mrrByMonth = new Float64Array(months);
  const firstStart = new Float64Array(subscriberCount).fill(Infinity);
  const firstSpanEnd = new Float64Array(subscriberCount);
  const activeTime = new Float64Array(subscriberCount);
  const isSubscriber = new Uint8Array(subscriberCount);
  let mrr = 0;
  for (const i of spans) {
    const s = subs.subscriber[i];
    const start = subs.startedAt[i];
    const end = subs.endedAt[i] === subs.endedAt[i] ? subs.endedAt[i] : Infinity;
    const monthly = subs.amountPerBilling[i] * monthlyFactor(subs.billingIntervalUnit[i], subs.billingIntervalCount[i]);
    isSubscriber[s] = 1;
    activeTime[s] += Math.min(end, asOf) - start;
    if (start < firstStart[s]) {
      firstStart[s] = start;
      firstSpanEnd[s] = end;
    }
    if (start <= asOf && asOf < end) mrr += monthly;
    for (let m = 0; m < months; m++) {
      const at = checkpoint(m);
      if (start <= at && at < end) {
        activeAt[s * months + m] = 1;
        mrrByMonth[m] += monthly;
      }
    }
  }

  const active = new Float64Array(months);
  const added = new Float64Array(months);
  const reactivated = new Float64Array(months);
  const churned = new Float64Array(months);
  let subscribers = 0;
  let activeNow = 0;
  let lifetimeSum = 0;
  for (let s = 0; s < subscriberCount; s++) {
    if (!isSubscriber[s]) continue;
    subscribers++;
    lifetimeSum += activeTime[s];
    let seen = false;
    let previous = 0;
    for (let m = 0; m < months; m++) {
      const now = activeAt[s * months + m];
      active[m] += now;
      if (now && !previous) {
        if (seen) reactivated[m]++;
        else added[m]++;
      }
      if (!now && previous) churned[m]++;
      if (now) seen = true;
      previous = now;
    }
    if (previous) activeNow++;
  }

  const monthRows: SubscriptionMonth[] = grid.labels.map((month, m) => ({
    month,
    activeSubscribers: active[m],
    mrr: mrrByMonth[m],
    new: added[m],
    reactivated: reactivated[m],
    churned: churned[m],
    churnRate: m > 0 && active[m - 1] > 0 ? churned[m] / active[m - 1] : null,
  }));
  // Complete months only: the running month has not had its whole chance to churn.
  const complete = monthRows.slice(0, grid.boundaries[months] - 1 <= asOf ? months : months - 1);
  const rates = complete.map((row) => row.churnRate).filter((rate): rate is number => rate !== null).slice(-12);
  const averageMonthlyChurnRate = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;

  let ltvSum = 0;
  let ltvCount = 0;
  const counted = new Uint8Array(data.customerCount);
  for (const i of spans) {
    const c = subs.customer[i];
    if (c < 0 || counted[c]) continue;
    counted[c] = 1;
    const row = shop.rowByCustomer[c];
    ltvSum += row >= 0 ? shop.netTotal[row] : 0;
    ltvCount++;
  }

  return {
    subscribers,
    activeSubscribers: activeNow,
    mrr,
    months: monthRows,
    averageMonthlyChurnRate,
    expectedLifetimeMonths: averageMonthlyChurnRate ? 1 / averageMonthlyChurnRate : null,
    averageObservedLifetimeMonths: subscribers ? lifetimeSum / subscribers / MONTH_MS : null,
    subscriberLtv: ltvCount ? ltvSum / ltvCount : null,
    projectedSubscriberLtv: averageMonthlyChurnRate && activeNow ? mrr / activeNow / averageMonthlyChurnRate : null,
    sbg: sbgCohorts(grid.boundaries, grid.labels, firstStart, firstSpanEnd, isSubscriber, asOf),
  };
}

/** sBG on each subscriber's first span: whole average months survived, censored while still active. */
function sbgCohorts(
  boundaries: Float64Array,
  labels: string[],
  firstStart: Float64Array,
  firstSpanEnd: Float64Array,
  isSubscriber: Uint8Array,
  asOf: number,
): { all: SbgCohort; byCohort: SbgCohort[] } {
  const maxPeriods = Math.ceil((asOf - boundaries[0]) / MONTH_MS) + 2;
  const groups = labels.length;
  const churnedAt = Array.from({ length: groups + 1 }, () => new Float64Array(maxPeriods));
  const survived = Array.from({ length: groups + 1 }, () => new Float64Array(maxPeriods));
  let cohort = 0;
  const order = Array.from(firstStart.keys()).filter((s) => isSubscriber[s]).sort((a, b) => firstStart[a] - firstStart[b]);
  for (const s of order) {
    while (firstStart[s] >= boundaries[cohort + 1]) cohort++;
    const ended = firstSpanEnd[s] <= asOf;
    const months = Math.floor(((ended ? firstSpanEnd[s] : asOf) - firstStart[s]) / MONTH_MS);
    for (const g of [cohort, groups]) {
      if (ended) churnedAt[g][months + 1]++;
      else survived[g][months]++;
    }
  }
  const fit = (label: string, g: number): SbgCohort => {
    let subscribers = 0;
    let churned = 0;
    for (let t = 0; t < maxPeriods; t++) {
      subscribers += churnedAt[g][t] + survived[g][t];
      churned += churnedAt[g][t];
    }
    // With nobody churned (or nobody at risk past period 0) the likelihood has no interior optimum.
    const atRisk = subscribers - survived[g][0];
    if (churned === 0 || atRisk === 0) return { cohort: label, subscribers, churned, params: null, projectedSurvival: null };
    const { params } = fitSbg({ churnedAt: churnedAt[g], survived: survived[g] });
    const projectedSurvival = Array.from({ length: PROJECTION_MONTHS + 1 }, (_, t) => sbgSurvival(params, t));
    return { cohort: label, subscribers, churned, params, projectedSurvival };
  };
  const byCohort: SbgCohort[] = [];
  for (let g = 0; g < groups; g++) {
    const c = fit(labels[g], g);
    if (c.subscribers > 0) byCohort.push(c);
  }
  return { all: fit("all", groups), byCohort };
}
