// Requests from the demo's merchant and shoppers as their browsers send them: the Shopify library turns
// away requests whose User-Agent looks like a bot (410), and Node's fetch says "node".
/** An ordinary desktop Chrome; headless Chromium says "HeadlessChrome", which the library also turns away. */
export const BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export const browserFetch: typeof fetch = (input, init = {}) => {
  const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set("User-Agent", BROWSER_USER_AGENT);
  return fetch(input, { ...init, headers });
};
