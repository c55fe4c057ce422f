// Seeded randomness for the shop generator. Every customer, order and contract gets its own stream,
// derived from the shop seed and the record's position, so any record can be re-materialised alone
// and in any order with the same result.
import { xoroshiro128plus, type RandomGenerator } from "pure-rand";

const TWO_POW_32 = 4294967296;

/** murmur3's finaliser: nearby inputs (seed, seed + 1) give unrelated outputs. */
export function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A 32-bit stream seed from a parent seed (the shop's, any safe integer, or a record's own), a salt
 * naming the stream family, and up to two indices.
 */
export function deriveSeed(parentSeed: number, salt: number, a = 0, b = 0): number {
  const high = Math.floor(parentSeed / TWO_POW_32);
  let h = mix32(parentSeed ^ mix32(high + 0x632be5ab));
  h = mix32(h ^ Math.imul(salt, 0x9e3779b1));
  h = mix32(h ^ mix32(a + 0x7f4a7c15));
  h = mix32(h ^ mix32(b + 0x165667b1));
  return h;
}

/** Stream families; a new family takes a new salt so existing streams never shift. */
export const STREAM = {
  customer: 1,
  customerOrder: 2,
  contract: 3,
  guestOrder: 4,
  testOrder: 5,
  orderEvents: 6,
  shop: 7,
} as const;

export class Rng {
  private readonly source: RandomGenerator;

  constructor(seed: number) {
    this.source = xoroshiro128plus(seed | 0);
    // xoroshiro's first outputs echo the seed; two discarded draws decorrelate similar seeds.
    this.source.unsafeNext();
    this.source.unsafeNext();
  }

  /** Uniform on the open interval (0, 1), so logs and divisions are safe. */
  float(): number {
    return ((this.source.unsafeNext() >>> 0) + 0.5) / TWO_POW_32;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.float();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [low, high], both inclusive. */
  intBetween(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  exponential(mean: number): number {
    return -Math.log(this.float()) * mean;
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(this.float())) * Math.cos(2 * Math.PI * this.float());
  }

  /** Gamma(shape, scale) by Marsaglia and Tsang; mean shape * scale. */
  gamma(shape: number, scale: number): number {
    if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.float(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.float();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  }

  /** Beta(a, b); mean a / (a + b). */
  beta(a: number, b: number): number {
    const x = this.gamma(a, 1);
    return x / (x + this.gamma(b, 1));
  }

  /** Number of failures before the first success, success probability p. */
  geometric(p: number): number {
    return Math.floor(Math.log(this.float()) / Math.log(1 - p));
  }
}

/** A fixed categorical distribution; pick() is a binary search over the cumulative weights. */
export class WeightedChoice {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0)) throw new Error(`weight ${i} must be a non-negative number`);
      total += weights[i];
      this.cumulative[i] = total;
    }
    if (total <= 0) throw new Error("at least one weight must be positive");
    for (let i = 0; i < weights.length; i++) this.cumulative[i] /= total;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(rng: Rng): number {
    const u = rng.float();
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulative[mid] < u) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
