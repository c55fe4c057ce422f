// Readers for the CDNOW reference data in ../shared/data/cdnow (see its README).
import { readFileSync } from "node:fs";
import { sharedPath } from "../helpers/shared.ts";
import { rfmSummary, type RfmSummary } from "../../app/metrics/rfm-summary.ts";

export interface CdnowSummaryCsv {
  id: Int32Array;
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
}

/** cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, 2 decimals). */
export function readCdnowSummaryCsv(): CdnowSummaryCsv {
  const lines = readFileSync(sharedPath("data/cdnow/cdnow_customers_summary_with_transactions.csv"), "utf8")
    .trim()
    .split(/\r?\n/);
  if (lines[0].trim() !== "ID,x,t_x,T,zbar") throw new Error(`unexpected header ${lines[0]}`);
  const rows = lines.slice(1);
  const out: CdnowSummaryCsv = {
    id: new Int32Array(rows.length),
    frequency: new Float64Array(rows.length),
    recency: new Float64Array(rows.length),
    T: new Float64Array(rows.length),
    monetary: new Float64Array(rows.length),
  };
  rows.forEach((line, i) => {
    const [id, x, tx, T, zbar] = line.split(",").map(Number);
    out.id[i] = id;
    out.frequency[i] = x;
    out.recency[i] = tx;
    out.T[i] = T;
    out.monetary[i] = zbar;
  });
  return out;
}

const DAY_MS = 86_400_000;
const dayNumber = (yyyymmdd: string) =>
  Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / DAY_MS;

/** The README's rebuild: CDNOW_sample.txt, days, calibration to 1997-09-30 inclusive, weeks of 7 days. */
export function rebuildCdnowSummary(): RfmSummary {
  const lines = readFileSync(sharedPath("data/cdnow/CDNOW_sample.txt"), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "");
  const customer = new Int32Array(lines.length);
  const time = new Float64Array(lines.length);
  const value = new Float64Array(lines.length);
  lines.forEach((line, i) => {
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    customer[i] = Number(sampleId);
    time[i] = dayNumber(date);
    value[i] = Number(dollars);
  });
  return rfmSummary({ customer, time, value }, { observationEnd: dayNumber("19970930"), periodLength: 1, unitLength: 7 });
}
