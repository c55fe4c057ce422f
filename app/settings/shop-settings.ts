// The merchant's analytics settings: what they are, their defaults, the form's validation, and which
// orders the exclusions leave out. Pure (no Prisma): the Settings page, the metrics job and the tests
// share it. Stored by shop-settings.server.ts, one ShopSettings row per shop (absent = DEFAULT_SETTINGS).
import { z } from "zod";

/** Order.sourceName values the page offers as switches; others can be typed in. */
export const POS_SOURCE = "pos";
export const DRAFT_ORDER_SOURCE = "shopify_draft_order";

export interface OrderExclusions {
  /** Test orders are left out (the engine's default); off counts them like any order. */
  testOrders: boolean;
  /** Order.sourceName values whose orders are left out, lower case. */
  sourceNames: string[];
  /** Orders carrying any of these tags are left out (case-insensitive), lower case. */
  tags: string[];
}

export interface ShopSettingsValues {
  exclusions: OrderExclusions;
  cohortGranularity: "month" | "week";
  clvHorizonDays: number;
  annualDiscountRate: number;
}

export const DEFAULT_SETTINGS: ShopSettingsValues = {
  exclusions: { testOrders: true, sourceNames: [], tags: [] },
  cohortGranularity: "month",
  clvHorizonDays: 365,
  annualDiscountRate: 0.1,
};

export const CLV_HORIZON_DAYS = { min: 30, max: 1825 } as const;
export const DISCOUNT_RATE_PERCENT = { min: 0, max: 100 } as const;

/** "a, B ,,c" → ["a", "b", "c"]: distinct, trimmed, lower case. Japanese commas are accepted too. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[,、，\n]/).map((item) => item.trim().toLowerCase()).filter(Boolean))];
}

const checkbox = z.preprocess((value) => value === "on" || value === "true", z.boolean());
const list = z.string().max(2000).default("").transform(parseList).pipe(z.array(z.string().max(100)).max(50));
const wholeNumber = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const decimal = (min: number, max: number) =>
  z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number).pipe(z.number().min(min).max(max));

/** The Settings form as posted: every field by its input name. */
export const settingsFormSchema = z.object({
  excludeTestOrders: checkbox,
  excludePos: checkbox,
  excludeDraftOrders: checkbox,
  otherSources: list,
  excludedTags: list,
  cohortGranularity: z.enum(["month", "week"]),
  clvHorizonDays: wholeNumber(CLV_HORIZON_DAYS.min, CLV_HORIZON_DAYS.max),
  annualDiscountRatePercent: decimal(DISCOUNT_RATE_PERCENT.min, DISCOUNT_RATE_PERCENT.max),
  language: z.enum(["en", "ja"]),
});

export type SettingsFormField = keyof z.input<typeof settingsFormSchema>;
export type SettingsForm = z.output<typeof settingsFormSchema>;

export type SettingsFormResult =
  | { ok: true; settings: ShopSettingsValues; language: "en" | "ja" }
  | { ok: false; fields: SettingsFormField[] };

export function parseSettingsForm(form: Record<string, unknown>): SettingsFormResult {
  const parsed = settingsFormSchema.safeParse(form);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0]) as SettingsFormField))];
    return { ok: false, fields };
  }
  const f = parsed.data;
  const switched = [...(f.excludePos ? [POS_SOURCE] : []), ...(f.excludeDraftOrders ? [DRAFT_ORDER_SOURCE] : [])];
  return {
    ok: true,
    language: f.language,
    settings: {
      exclusions: { testOrders: f.excludeTestOrders, sourceNames: [...new Set([...switched, ...f.otherSources])], tags: f.excludedTags },
      cohortGranularity: f.cohortGranularity,
      clvHorizonDays: f.clvHorizonDays,
      // The form speaks percent (10), the engine a fraction (0.1); rounded to undo 7 / 100 = 0.07000000000000001.
      annualDiscountRate: Math.round(f.annualDiscountRatePercent * 1e6) / 1e8,
    },
  };
}

/** Whether an order is left out by the source and tag exclusions (test orders are the engine's flag). */
export function excludedBySourceOrTag(exclusions: OrderExclusions, order: { sourceName: string | null; tags: string }): boolean {
  if (order.sourceName && exclusions.sourceNames.includes(order.sourceName.toLowerCase())) return true;
  if (exclusions.tags.length === 0 || order.tags === "[]") return false;
  return (JSON.parse(order.tags) as string[]).some((tag) => exclusions.tags.includes(tag.trim().toLowerCase()));
}
