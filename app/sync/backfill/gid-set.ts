// A set of Shopify gids kept small: `gid://shopify/Order/5000000000000` is held as the number after the
// last slash (a few hundred thousand subscription orders of a 1,000,000-order shop: ~10 MB instead of
// ~30 MB of strings). A gid of another shape is kept as it is, so membership stays exact.
const NUMERIC_TAIL = /^gid:\/\/shopify\/[A-Za-z]+\/([1-9]\d{0,14})$/; // no leading zero: one number, one text

export class GidSet {
  readonly #type: string;
  readonly #numbers = new Set<number>();
  readonly #others = new Set<string>();

  /** `type` is the gid's resource (`Order`): only its gids are held as numbers. */
  constructor(type: string) {
    this.#type = `gid://shopify/${type}/`;
  }

  #number(gid: string): number | null {
    if (!gid.startsWith(this.#type)) return null;
    const match = NUMERIC_TAIL.exec(gid);
    return match ? Number(match[1]) : null;
  }

  add(gid: string): void {
    const n = this.#number(gid);
    if (n === null) this.#others.add(gid);
    else this.#numbers.add(n);
  }

  /** Removes the gid; true if it was held. */
  delete(gid: string): boolean {
    const n = this.#number(gid);
    return n === null ? this.#others.delete(gid) : this.#numbers.delete(n);
  }

  has(gid: string): boolean {
    const n = this.#number(gid);
    return n === null ? this.#others.has(gid) : this.#numbers.has(n);
  }

  get size(): number {
    return this.#numbers.size + this.#others.size;
  }
}
