// The dimensions customers are compared by, as one key per customer row: the acquisition facts of the
// first counted order (channel, first product, first discount code, country), subscriber or not, and
// each survey answer. Keys index `labels`; −1 is "no value" (no code, no answer, unknown channel).
import type { ShopDataset } from "./dataset.ts";
import type { PreparedShop } from "./prepare.ts";

export interface RowSegmentation {
  /** "channel", "firstProduct", "firstDiscountCode", "country", "subscriber" or "survey:<segment name>". */
  name: string;
  keyOfRow: Int32Array;
  labels: readonly string[];
}

export const SUBSCRIBER_LABELS = ["one-time", "subscriber"] as const;
export const SURVEY_PREFIX = "survey:";

/** `subscriberRow` is analyze.ts subscriberRows(data, shop). */
export function customerSegmentations(data: ShopDataset, shop: PreparedShop, subscriberRow: Uint8Array): RowSegmentation[] {
  const firstOrderKey = (column: Int32Array) => {
    const keys = new Int32Array(shop.customers);
    for (let r = 0; r < shop.customers; r++) keys[r] = column[shop.firstOrder[r]];
    return keys;
  };
  const { orders, dictionaries } = data;
  const out: RowSegmentation[] = [
    { name: "channel", keyOfRow: firstOrderKey(orders.channel), labels: dictionaries.channel },
    { name: "firstProduct", keyOfRow: firstOrderKey(orders.firstProduct), labels: dictionaries.product },
    { name: "firstDiscountCode", keyOfRow: firstOrderKey(orders.discountCode), labels: dictionaries.discountCode },
    { name: "country", keyOfRow: firstOrderKey(orders.country), labels: dictionaries.country },
    { name: "subscriber", keyOfRow: Int32Array.from(subscriberRow), labels: SUBSCRIBER_LABELS },
  ];
  for (const segment of data.surveySegments ?? []) {
    const keys = new Int32Array(shop.customers);
    for (let r = 0; r < shop.customers; r++) keys[r] = segment.valueByCustomer[shop.customerIndex[r]] ?? -1;
    out.push({ name: `${SURVEY_PREFIX}${segment.name}`, keyOfRow: keys, labels: segment.values });
  }
  return out;
}
