// Product titles by product key (Shopify product id), for views that name products (first products).
import type { ShopDataset } from "../../metrics/dataset";

const cache = new WeakMap<ShopDataset, Map<string, string>>();

export function productTitles(dataset: ShopDataset): Map<string, string> {
  let titles = cache.get(dataset);
  if (!titles) {
    titles = new Map();
    const known = dataset.productTitles ?? [];
    dataset.dictionaries.product.forEach((product, code) => known[code] && titles!.set(product, known[code]));
    cache.set(dataset, titles);
  }
  return titles;
}
