// generateShop(options): the entry point. Options are checked with zod (a bad option fails with a
// one-line message naming it); the window defaults to a fixed date so output never depends on
// when the generator runs.
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths } from "date-fns";
import { z } from "zod";
import type { EmShop, PlanTier } from "../store/types";
import { buildShopColumns } from "./build-columns";
import { ShopCalendar, defaultWindow, startOfShopDay } from "./calendar";
import { CustomerModel } from "./customer-process";
import { GeneratedShop } from "./generated-shop";
import { MAX_ORDERS } from "./ids";
import { SUPPORTED_CURRENCIES } from "./money";
import { ShopPricing } from "./pricing";
import { STREAM, deriveSeed } from "./random";
import { type ShopContext, popularProducts } from "./shop-context";
import { ShopTiming } from "./timing";
import { ShopTruth, computeAggregates } from "./truth";

const DEFAULT_MONTHS = 42;
const PLAN_NAMES: Record<PlanTier, string> = { standard: "Shopify", advanced: "Advanced", plus: "Shopify Plus", enterprise: "Commerce Components" };

const instant = z.union([z.date(), z.number().finite(), z.string().datetime({ offset: true })]).transform((v) => new Date(v).getTime());

const optionsSchema = z.object({
  seed: z.number().int().refine(Number.isSafeInteger, "must be a safe integer"),
  orders: z.number().int().min(0).max(MAX_ORDERS),
  currency: z.string().refine((c) => SUPPORTED_CURRENCIES.includes(c), `must be one of ${SUPPORTED_CURRENCIES.join(", ")}`).default("JPY"),
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Tokyo").default("Asia/Tokyo"),
  domain: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/).default("tsuzuku-demo.myshopify.com"),
  name: z.string().min(1).default("つづく美容ラボ"),
  planTier: z.enum(["standard", "advanced", "plus", "enterprise"]).default("advanced"),
  startDate: instant.optional(),
  endDate: instant.optional(),
});

export type GenerateShopOptions = z.input<typeof optionsSchema>;

function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The window as whole shop days: start rounded down, end rounded up to a local midnight. */
function resolveWindow(timezone: string, startDate?: number, endDate?: number): { start: number; end: number } {
  const fallback = defaultWindow(timezone);
  const endRaw = endDate ?? (startDate === undefined ? fallback.end : Math.max(fallback.end, addMonths(new TZDate(startDate, timezone), DEFAULT_MONTHS).getTime()));
  const endFloor = startOfShopDay(endRaw, timezone);
  const end = endFloor === endRaw ? endRaw : addDays(new TZDate(endFloor, timezone), 1).getTime();
  const start = startOfShopDay(startDate ?? addMonths(new TZDate(end, timezone), -DEFAULT_MONTHS).getTime(), timezone);
  if (!(start < end)) throw new Error(`generateShop: startDate must be before endDate`);
  return { start, end };
}

export function generateShop(options: GenerateShopOptions): GeneratedShop {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`generateShop: ${issue.path.join(".") || "options"}: ${issue.message}`);
  }
  const o = parsed.data;
  const window = resolveWindow(o.timezone, o.startDate, o.endDate);
  const calendar = new ShopCalendar(o.timezone, window.start, window.end);
  const timing = new ShopTiming(calendar);
  const columns = buildShopColumns(o.seed, o.orders, timing);
  const context: ShopContext = {
    columns,
    pricing: new ShopPricing(o.currency),
    timing,
    customerModel: new CustomerModel(o.seed, timing),
    popularProducts: popularProducts(),
  };
  const shop: EmShop = {
    id: 60_000_000_000 + (deriveSeed(o.seed, STREAM.shop) % 10_000_000),
    domain: o.domain,
    name: o.name,
    currencyCode: o.currency,
    ianaTimezone: o.timezone,
    planTier: o.planTier,
    planDisplayName: PLAN_NAMES[o.planTier],
    // The merchant set the shop up six weeks before the first sale.
    createdAt: window.start - 42 * 86_400_000,
  };
  return new GeneratedShop(shop, context, new ShopTruth(context, window, computeAggregates(context)));
}
