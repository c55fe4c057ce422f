// tsuzuku analyze FILE [--format json|table] [--as-of DATE] [--timezone TZ] [--currency CUR]
//   [--time-unit day|week] [--calibration-end DATE] [--horizon DAYS]
// Reads a file (format detected from its content), runs the engine, prints the result (docs/cli.md).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns";
import { analyzeShop } from "../app/metrics/analyze.ts";
import type { ShopDataset } from "../app/metrics/dataset.ts";
import { detectFormat } from "./detect-format.ts";
import { InputError } from "./input-error.ts";
import { readBulkJsonl } from "./readers/bulk-jsonl.ts";
import { readShopifyOrdersCsv } from "./readers/shopify-orders-csv.ts";
import { readTransactionsCsv } from "./readers/transactions-csv.ts";
import { renderTable } from "./table.ts";

const USAGE =
  "usage: tsuzuku analyze FILE [--format json|table] [--as-of DATE] [--timezone TZ] [--currency CUR] " +
  "[--time-unit day|week] [--calibration-end DATE] [--horizon DAYS]";

class UsageError extends Error {}

/** A date-only flag means the end of that day in the shop's zone; a full timestamp is taken as is. */
function parseFlagDate(text: string, timeZone: string, flag: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const start = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), timeZone);
    if (start.getDate() !== Number(m[3])) throw new UsageError(`${flag}: bad date ${text}`);
    return addDays(start, 1).getTime() - 1;
  }
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new UsageError(`${flag}: bad date ${text}`);
  return ms;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "table" },
      "as-of": { type: "string" },
      timezone: { type: "string", default: "UTC" },
      currency: { type: "string" },
      "time-unit": { type: "string", default: "week" },
      "calibration-end": { type: "string" },
      horizon: { type: "string", default: "365" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, file, ...rest] = positionals;
  if (command !== "analyze" || !file || rest.length) throw new UsageError(USAGE);
  const format = values.format;
  if (format !== "json" && format !== "table") throw new UsageError("--format must be json or table");
  const timeUnit = values["time-unit"];
  if (timeUnit !== "day" && timeUnit !== "week") throw new UsageError("--time-unit must be day or week");
  const timeZone = values.timezone!;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    throw new UsageError(`--timezone: unknown time zone ${timeZone}`);
  }
  const currency = values.currency?.toUpperCase() ?? null;
  if (currency !== null) {
    try {
      new Intl.NumberFormat("en", { style: "currency", currency });
    } catch {
      throw new UsageError(`--currency: unknown currency ${values.currency}`);
    }
  }
  const horizonDays = Number(values.horizon);
  if (!Number.isInteger(horizonDays) || horizonDays < 1) throw new UsageError("--horizon must be a positive whole number of days");

  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const dataset = await readDataset(file, size, { timeZone, currency });
  const result = analyzeShop(dataset, {
    asOf: values["as-of"] ? parseFlagDate(values["as-of"], timeZone, "--as-of") : undefined,
    calibrationEnd: values["calibration-end"] ? parseFlagDate(values["calibration-end"], timeZone, "--calibration-end") : undefined,
    timeUnit,
    horizonDays,
  });
  process.stdout.write(format === "json" ? `${JSON.stringify(result, null, 2)}\n` : renderTable(result));
  return 0;
}

async function readDataset(file: string, size: number, options: { timeZone: string; currency: string | null }): Promise<ShopDataset> {
  const format = await detectFormat(file);
  const input = createReadStream(file);
  // Progress by bytes for files big enough to take a while; stderr only, so stdout stays clean JSON.
  let readBytes = 0;
  let lastReport = Date.now();
  const showProgress = size > 8_000_000;
  input.on("data", (chunk) => {
    readBytes += chunk.length;
    if (showProgress && Date.now() - lastReport > 500) {
      lastReport = Date.now();
      process.stderr.write(`tsuzuku: reading ${file} ${Math.round((100 * readBytes) / size)}%\n`);
    }
  });
  const reader = format === "shopify-orders-csv" ? readShopifyOrdersCsv : format === "transactions-csv" ? readTransactionsCsv : readBulkJsonl;
  const dataset = await reader(input, options);
  if (showProgress) process.stderr.write(`tsuzuku: read ${dataset.orders.customer.length} orders (${format}); analysing\n`);
  return dataset;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof InputError) {
      process.stderr.write(`tsuzuku: ${process.argv[3] ?? "input"}: line ${error.line}, column ${error.column}: ${error.message}\n`);
    } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`tsuzuku: ${(error as Error).message}\n`);
    } else {
      process.stderr.write(`tsuzuku: internal error: ${(error as Error).message}\n`);
      process.exitCode = 1;
      return;
    }
    process.exitCode = 2;
  },
);
