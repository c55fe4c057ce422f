// Shopify's retry policy for a delivery that gets no 2xx within 5 seconds: "Webhooks will now be
// retried a total of 8 times over 4 hours using an exponential backoff schedule" and retries carry the
// original payload and X-Shopify-Triggered-At.
//   https://shopify.dev/changelog/updates-to-webhook-retry-mechanism
//   https://shopify.dev/docs/apps/build/webhooks/subscribe/https (5-second timeout)
// Shopify does not publish the individual intervals. The emulator doubles from one minute: 8 retries at
// 1, 2, 4, … 128 minutes after each failure, the last 255 minutes (about 4 hours) after the first try.

const MINUTE = 60_000;

/** Emulated milliseconds to wait after failed attempt n (index n - 1) before the next one. */
export const SHOPIFY_RETRY_DELAYS_MS: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128].map((minutes) => minutes * MINUTE);

/** Shopify waits this long for a response before counting the attempt as failed. */
export const SHOPIFY_DELIVERY_TIMEOUT_MS = 5_000;

/** Offsets from the first attempt of every attempt: [0, 1 min, 3 min, 7 min, …, 255 min]. */
export function attemptOffsets(retryDelaysMs: readonly number[] = SHOPIFY_RETRY_DELAYS_MS): number[] {
  const offsets = [0];
  for (const delay of retryDelaysMs) offsets.push(offsets[offsets.length - 1] + delay);
  return offsets;
}
