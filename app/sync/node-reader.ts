// Reads one JSON object from Shopify (a bulk JSONL line or a node of an ordinary answer) field by
// field, failing with a message that names the object and the field instead of storing a wrong value.
import { toMinorUnits } from "./money";

export class ShopifyDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShopifyDataError";
  }
}

type Json = Record<string, unknown>;

export class NodeReader {
  /**
   * Where this object sits, for error messages: a name, or the parent and the key that led here. Kept
   * as parts and joined only on failure (a backfill reads some 30 nested objects per order).
   */
  readonly #parent: NodeReader | null;
  readonly #at: string;
  readonly #index: number;

  /** `where` names a top-level object; under a parent it is the key (and `index` the list position). */
  constructor(readonly node: Json, where: string, parent: NodeReader | null = null, index = -1) {
    this.#at = where;
    this.#parent = parent;
    this.#index = index;
  }

  get where(): string {
    if (!this.#parent) return this.#at;
    return `${this.#parent.where}.${this.#at}${this.#index >= 0 ? `[${this.#index}]` : ""}`;
  }

  static of(value: unknown, where: string): NodeReader {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ShopifyDataError(`${where}: not an object`);
    return new NodeReader(value as Json, where);
  }

  #fail(key: string, expected: string): never {
    throw new ShopifyDataError(`${this.where}: field "${key}" ${this.node[key] === undefined ? "is missing" : `is not ${expected}`}`);
  }

  string(key: string): string {
    const value = this.node[key];
    return typeof value === "string" ? value : this.#fail(key, "a string");
  }

  optionalString(key: string): string | null {
    const value = this.node[key];
    if (value === null || value === undefined) return null;
    return typeof value === "string" ? value : this.#fail(key, "a string");
  }

  boolean(key: string): boolean {
    const value = this.node[key];
    return typeof value === "boolean" ? value : this.#fail(key, "true or false");
  }

  int(key: string): number {
    const value = this.node[key];
    return Number.isSafeInteger(value) ? (value as number) : this.#fail(key, "an integer");
  }

  optionalInt(key: string): number | null {
    const value = this.node[key];
    if (value === null || value === undefined) return null;
    return Number.isSafeInteger(value) ? (value as number) : this.#fail(key, "an integer");
  }

  instant(key: string): Date {
    const value = this.string(key);
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? this.#fail(key, "an ISO 8601 instant") : instant;
  }

  optionalInstant(key: string): Date | null {
    return this.optionalString(key) === null ? null : this.instant(key);
  }

  strings(key: string): string[] {
    const value = this.node[key];
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : this.#fail(key, "a list of strings");
  }

  object(key: string): NodeReader {
    const value = this.node[key];
    if (typeof value !== "object" || value === null || Array.isArray(value)) this.#fail(key, "an object");
    return new NodeReader(value as Json, key, this);
  }

  optionalObject(key: string): NodeReader | null {
    return this.node[key] === null || this.node[key] === undefined ? null : this.object(key);
  }

  list(key: string): NodeReader[] {
    const value = this.node[key];
    if (!Array.isArray(value)) this.#fail(key, "a list");
    return (value as unknown[]).map((item, index) => {
      if (typeof item !== "object" || item === null || Array.isArray(item)) throw new ShopifyDataError(`${this.where}.${key}[${index}]: not an object`);
      return new NodeReader(item as Json, key, this, index);
    });
  }

  /** The `id` of a nested `{ id }` object, or null when the object is null. */
  optionalRefId(key: string): string | null {
    return this.optionalObject(key)?.string("id") ?? null;
  }

  /** A MoneyBag's shop amount (`{ shopMoney { amount currencyCode } }`) in minor units. */
  shopMoney(key: string): bigint {
    return this.object(key).object("shopMoney").money();
  }

  /** This MoneyV2 (`{ amount currencyCode }`) in minor units. */
  money(): bigint {
    const amount = this.string("amount");
    const currency = this.string("currencyCode");
    try {
      return toMinorUnits(amount, currency);
    } catch (error) {
      throw new ShopifyDataError(`${this.where}.amount: ${(error as Error).message}`);
    }
  }
}
