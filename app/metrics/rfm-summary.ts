// Transactions → per-customer calibration summary (x, t_x, T), the input of BG/NBD and Gamma-Gamma.
// Kept apart from the models, as lifetimes does (summary_data_from_transaction_data).

export interface RfmTransactions {
  /** Customer index of each transaction (non-negative integers below 2^31). */
  customer: Int32Array | Uint32Array;
  /** Time of each transaction in any unit (e.g. days since an epoch). Need not be sorted. */
  time: Float64Array;
  /** Optional transaction value (e.g. integer minor units); enables `monetary`. */
  value?: Float64Array;
}

export interface RfmSummaryOptions {
  /** End of the calibration period (same unit as `time`), included. Later transactions are ignored. */
  observationEnd: number;
  /**
   * Width of a purchase period in the unit of `time`: transactions of one customer falling in the same
   * period floor(time / periodLength) count once (lifetimes' `freq`). Default 1 (e.g. a day).
   */
  periodLength?: number;
  /** Length of the output time unit in the unit of `time` (lifetimes' freq × freq_multiplier). Default `periodLength`. */
  unitLength?: number;
}

export interface RfmSummary {
  /** Customer index of each row, ascending; only customers with a transaction up to observationEnd. */
  customer: Int32Array;
  /** x: number of repeat purchase periods (distinct periods − 1). */
  frequency: Float64Array;
  /** t_x: time from the first to the last purchase period, in output units (0 when x = 0). */
  recency: Float64Array;
  /** T: time from the first purchase period to the end of calibration, in output units. */
  T: Float64Array;
  /** Mean value per repeat period (first period excluded; values in a period summed); 0 when x = 0. */
  monetary?: Float64Array;
}

export function rfmSummary(transactions: RfmTransactions, options: RfmSummaryOptions): RfmSummary {
  const { customer, time, value } = transactions;
  const periodLength = options.periodLength ?? 1;
  const unitLength = options.unitLength ?? periodLength;
  if (!(periodLength > 0) || !(unitLength > 0)) throw new RangeError("periodLength and unitLength must be > 0");
  if (time.length !== customer.length || (value && value.length !== customer.length)) {
    throw new RangeError("customer, time and value must have the same length");
  }
  const endPeriod = Math.floor(options.observationEnd / periodLength);
  const periodToUnits = periodLength / unitLength;

  // Keep calibration rows, then sort once by (customer, period).
  const period = new Float64Array(time.length);
  let kept = 0;
  const rows = new Uint32Array(time.length);
  for (let i = 0; i < time.length; i++) {
    const p = Math.floor(time[i] / periodLength);
    period[i] = p;
    if (p <= endPeriod) rows[kept++] = i;
  }
  const order = rows.subarray(0, kept).sort((i, j) => customer[i] - customer[j] || period[i] - period[j]);

  let customerCount = 0;
  for (let k = 0; k < kept; k++) if (k === 0 || customer[order[k]] !== customer[order[k - 1]]) customerCount++;

  const ids = new Int32Array(customerCount);
  const frequency = new Float64Array(customerCount);
  const recency = new Float64Array(customerCount);
  const age = new Float64Array(customerCount);
  const monetary = value ? new Float64Array(customerCount) : undefined;

  let row = -1;
  let firstPeriod = 0;
  let lastPeriod = 0;
  let repeatValue = 0;
  const finish = () => {
    if (row < 0) return;
    recency[row] = (lastPeriod - firstPeriod) * periodToUnits;
    age[row] = (endPeriod - firstPeriod) * periodToUnits;
    if (monetary) monetary[row] = frequency[row] > 0 ? repeatValue / frequency[row] : 0;
  };
  for (let k = 0; k < kept; k++) {
    const i = order[k];
    if (row < 0 || customer[i] !== ids[row]) {
      finish();
      row++;
      ids[row] = customer[i];
      firstPeriod = lastPeriod = period[i];
      repeatValue = 0;
      continue;
    }
    if (period[i] !== lastPeriod) {
      frequency[row]++;
      lastPeriod = period[i];
    }
    if (value && period[i] !== firstPeriod) repeatValue += value[i];
  }
  finish();

  return monetary
    ? { customer: ids, frequency, recency, T: age, monetary }
    : { customer: ids, frequency, recency, T: age };
}
