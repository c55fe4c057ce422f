// The demo shop's catalogue: a Japanese D2C brand selling skincare, haircare and health food.
// Prices are JPY before consumption tax (food carries the reduced 8% rate, everything else 10%).
// The first-product effects are what make "first product" a real driver of repeat behaviour:
// consumables (all-in-one gel, aojiru, lactic-acid bacteria) bring customers back, tools and gifts
// do not, and viral items bought on impulse churn fastest.
import type { EmSellingPlan } from "../store/types";
import { ID_BASE } from "./ids";

export type ProductCategory = "skincare" | "haircare" | "supplement" | "food" | "tool" | "gift";

export interface Product {
  handle: string;
  title: string;
  sku: string;
  priceJpy: number;
  category: ProductCategory;
  /** Can be bought on a selling plan (subscription). */
  subscribable: boolean;
  /** Share of all basket picks (before channel affinity). */
  popularity: number;
  /** First-product effect on the latent purchase rate (multiplier). */
  rateFactor: number;
  /** First-product effect on the per-purchase dropout probability (multiplier). */
  dropoutFactor: number;
}

type Row = [handle: string, title: string, priceJpy: number, category: ProductCategory, subscribable: boolean, popularity: number, rateFactor: number, dropoutFactor: number];

const ROWS: Row[] = [
  ["brightening-serum", "薬用ブライトニング美容液 30mL", 6800, "skincare", true, 6, 1.1, 0.85],
  ["hydrating-lotion", "うるおい化粧水 150mL", 3980, "skincare", true, 7, 1.1, 0.85],
  ["moisture-milk", "モイスチャーミルク 120mL", 4200, "skincare", true, 4, 1.0, 0.9],
  ["cleansing-balm", "クレンジングバーム 90g", 3600, "skincare", true, 6, 1.1, 0.9],
  ["foaming-wash", "泡洗顔フォーム 150g", 2400, "skincare", true, 5, 1.0, 0.95],
  ["all-in-one-gel", "オールインワンジェル 80g", 4980, "skincare", true, 7, 1.3, 0.7],
  ["uv-milk", "UVミルク SPF50+ 50mL", 3300, "skincare", false, 4, 0.9, 1.05],
  ["sheet-mask-7", "シートマスク 7枚入", 1980, "skincare", false, 5, 0.9, 1.1],
  ["lip-tint", "リップティント", 1800, "skincare", false, 5, 0.8, 1.3],
  ["eye-cream", "アイクリーム 15g", 7400, "skincare", true, 2, 1.0, 0.9],
  ["retinol-cream", "レチノールクリーム 30g", 8800, "skincare", true, 3, 1.0, 0.9],
  ["scalp-shampoo", "スカルプシャンプー 300mL", 3200, "haircare", true, 5, 1.1, 0.85],
  ["repair-treatment", "リペアトリートメント 300g", 3200, "haircare", true, 4, 1.1, 0.85],
  ["hair-oil", "ヘアオイル 100mL", 2800, "haircare", false, 3, 0.9, 1.0],
  ["aojiru-30", "国産大麦若葉 青汁 30包", 3980, "food", true, 6, 1.3, 0.65],
  ["enzyme-drink", "酵素ドリンク 720mL", 5400, "food", true, 3, 1.1, 0.8],
  ["collagen-jelly", "コラーゲンゼリー 30本", 4600, "food", true, 4, 1.2, 0.8],
  ["soy-protein-matcha", "ソイプロテイン 抹茶 1kg", 4300, "food", true, 3, 1.2, 0.8],
  ["lactobacillus-30", "乳酸菌サプリ 30日分", 3480, "supplement", true, 6, 1.3, 0.65],
  ["vitamin-c-60", "ビタミンC 60粒", 1980, "supplement", true, 4, 1.1, 0.85],
  ["iron-folate", "鉄+葉酸 60粒", 2180, "supplement", true, 2, 1.1, 0.8],
  ["black-vinegar", "黒酢カプセル 90粒", 2980, "supplement", true, 2, 1.1, 0.8],
  ["gut-smoothie", "腸活スムージー 30食", 3780, "food", true, 3, 1.1, 0.85],
  ["rooibos-tea", "ルイボスティー 30包", 1600, "food", true, 3, 1.0, 0.95],
  ["amazake-6", "米麹甘酒 6本", 2700, "food", false, 2, 0.9, 1.05],
  ["facial-roller", "美顔ローラー", 9800, "tool", false, 2, 0.7, 1.4],
  ["scalp-brush", "スカルプブラシ", 2200, "tool", false, 2, 0.8, 1.2],
  ["gift-set", "ギフトセット（化粧水・乳液）", 11000, "gift", false, 2, 0.7, 1.5],
  ["trial-set-7", "トライアルセット 7日分", 1100, "skincare", false, 6, 1.0, 1.0],
  ["pouch", "オリジナルポーチ", 1500, "gift", false, 1, 0.8, 1.2],
];

export const CATALOGUE: readonly Product[] = ROWS.map(
  ([handle, title, priceJpy, category, subscribable, popularity, rateFactor, dropoutFactor], index) => ({
    handle, title, priceJpy, category, subscribable, popularity, rateFactor, dropoutFactor,
    sku: `TZK-${String(index + 1).padStart(3, "0")}`,
  }),
);

export const productIndexByHandle = new Map(CATALOGUE.map((p, i) => [p.handle, i]));

export function productIndex(handle: string): number {
  const index = productIndexByHandle.get(handle);
  if (index === undefined) throw new Error(`no product "${handle}" in the catalogue`);
  return index;
}

export const productId = (index: number) => ID_BASE.product + index;
export const variantId = (index: number) => ID_BASE.variant + index;
export const taxRateOf = (product: Product) => (product.category === "food" ? 0.08 : 0.1);

/** Selling plans shared by every subscribable product: 10% off, monthly or every two months. */
export const SELLING_PLANS: readonly EmSellingPlan[] = [
  { id: ID_BASE.sellingPlan + 1, name: "毎月お届け（10%オフ）", intervalUnit: "MONTH", intervalCount: 1 },
  { id: ID_BASE.sellingPlan + 2, name: "2ヶ月ごとお届け（10%オフ）", intervalUnit: "MONTH", intervalCount: 2 },
];
export const SUBSCRIPTION_PRICE_FACTOR = 0.9;
