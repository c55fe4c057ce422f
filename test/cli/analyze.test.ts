// Spawns the real `tsuzuku` command (bin/tsuzuku.js) on small files.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/tsuzuku.js");
const FIXTURES = join(import.meta.dirname, "fixtures");
const scratch = mkdtempSync(join(tmpdir(), "tsuzuku-cli-"));

function tsuzuku(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function fileWith(name: string, content: string | Buffer): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

const TOKYO = ["--timezone", "Asia/Tokyo", "--as-of", "2024-06-30", "--format", "json"];

describe("tsuzuku analyze", () => {
  it("reads a Shopify orders export: emails hashed and never printed, guests counted, Tokyo cohorts", () => {
    const run = tsuzuku("analyze", join(FIXTURES, "shopify-orders.csv"), ...TOKYO);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/example\.com/i);
    const result = JSON.parse(run.stdout);
    expect(result.schemaVersion).toBe(1);
    expect(result.currency).toBe("JPY");
    // Aki (two spellings of one email) 1500 + 2000 − 300, Ben 3000, a guest 500; #1004 is cancelled.
    expect(result.totals).toMatchObject({ customers: 2, orders: 4, ordersWithoutCustomer: 1, netRevenue: 6700, refunds: 300 });
    expect(result.cohorts.month.cohorts.map((c: { cohort: string; customers: number }) => [c.cohort, c.customers])).toEqual([
      ["2024-01", 1],
      ["2024-02", 1],
    ]);
    expect(result.historicalLtv.bySegment.firstDiscountCode.map((g: { key: string }) => g.key)).toEqual(["(none)", "WELCOME"]);
    for (const key of ["totals", "repeat", "cohorts", "historicalLtv", "pareto", "rfm", "predictedClv", "subscriptions"]) {
      expect(result).toHaveProperty(key);
    }
  });

  it("gives the same figures from the bulk JSONL of the same shop", () => {
    const csv = JSON.parse(tsuzuku("analyze", join(FIXTURES, "shopify-orders.csv"), ...TOKYO).stdout);
    const jsonl = JSON.parse(tsuzuku("analyze", join(FIXTURES, "orders.jsonl"), ...TOKYO).stdout);
    expect(jsonl.totals.netRevenue).toBe(csv.totals.netRevenue);
    expect(jsonl.totals.ordersWithoutCustomer).toBe(1);
    expect(jsonl.totals.excludedCancelledOrTest).toBe(2); // a cancelled and a test order
    expect(jsonl.cohorts).toEqual(csv.cohorts);
    expect(jsonl.pareto).toEqual(csv.pareto);
  });

  it("reads a transactions CSV, merging rows of one order, and prints a table", () => {
    const run = tsuzuku("analyze", join(FIXTURES, "transactions.csv"), "--as-of", "2025-06-01", "--currency", "usd");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Net revenue\s+\$43\.00/);
    expect(run.stdout).toMatch(/Orders without a customer\s+1/);
    expect(run.stdout).toMatch(/Champions/);
  });

  const bad: [string, string | Buffer, RegExp][] = [
    ["wrong columns", "user,when,amount\nc1,2024-01-01,5\n", /line 1, column 1: unrecognised header/],
    ["bad transaction header", "customer_id,day,amount\nc1,2024-01-01,5\n", /line 1, column 2: header must be/],
    ["bad date", "customer_id,date,amount\nc1,2024-01-01,5\nc2,2024-13-45,5\n", /line 3, column date: bad date "2024-13-45"/],
    ["negative amount", "customer_id,date,amount\nc1,2024-01-01,-5\n", /line 2, column amount: negative amount/],
    ["empty file", "", /line 1, column 1: empty file/],
    ["binary", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]), /binary data/],
    ["invalid JSON", '{"id":"gid://shopify/Order/1","processedAt":"2024-01-01T00:00:00Z","totalPriceSet":{"shopMoney":{"amount":"1","currencyCode":"USD"}}}\n{"id": nope}\n', /line 2, column \d+: invalid JSON/],
    ["JSONL missing field", '{"id":"gid://shopify/Order/1","totalPriceSet":{"shopMoney":{"amount":"1","currencyCode":"USD"}}}\n', /line 1, column processedAt: Required/],
  ];
  for (const [name, content, message] of bad) {
    it(`rejects ${name} with one line and exit code 2`, () => {
      const run = tsuzuku("analyze", fileWith(`${name.replace(/\W/g, "-")}.txt`, content));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe("");
    });
  }

  it("rejects a negative line-item quantity in an orders export", () => {
    const csv = "Name,Email,Total,Created at,Lineitem quantity,Lineitem name\n#1,a@b.c,10.00,2024-01-01 10:00:00 +0000,-1,Tea\n";
    const run = tsuzuku("analyze", fileWith("negative-quantity.csv", csv));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2, column Lineitem quantity: negative quantity -1/);
  });

  it("rejects more decimals than a zero-decimal currency has", () => {
    const run = tsuzuku("analyze", fileWith("yen.csv", "customer_id,date,amount\nc1,2024-01-01,100.5\n"), "--currency", "JPY");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/line 2, column amount: amount "100.5" has more than 0 decimals/);
  });

  it("rejects bad flags with exit code 2", () => {
    const run = tsuzuku("analyze", join(FIXTURES, "transactions.csv"), "--timezone", "Mars/Olympus");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown time zone/);
  });
});
