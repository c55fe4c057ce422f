// The acquisition channel of an order, from its customer journey (first visit source and UTM tags):
// the social networks Japanese D2C brands live on, influencers, search, direct, and the rest.
const CHANNEL_BY_SOURCE: Array<[RegExp, string]> = [
  [/instagram|^ig$/, "instagram"],
  [/^x$|twitter|t\.co/, "x"],
  [/facebook|^fb$|meta/, "facebook"],
  [/^line$|line\.me/, "line"],
  [/tiktok/, "tiktok"],
  [/youtube|youtu\.be/, "youtube"],
  [/influencer|creator|affiliate|ambassador/, "influencer"],
  [/google|yahoo|bing|search/, "search"],
  [/^direct$/, "direct"],
];

export interface JourneyFacts {
  firstVisitSource: string | null;
  utmSource: string | null;
  utmMedium: string | null;
}

/** A channel name, "other" for an unrecognised source, null when the order has no journey. */
export function acquisitionChannel(order: JourneyFacts): string | null {
  const medium = order.utmMedium?.toLowerCase() ?? "";
  if (/influencer|affiliate|creator/.test(medium)) return "influencer";
  const sources = [order.utmSource, order.firstVisitSource].filter((value): value is string => Boolean(value)).map((value) => value.toLowerCase());
  if (sources.length === 0) return null;
  for (const source of sources) {
    for (const [pattern, channel] of CHANNEL_BY_SOURCE) if (pattern.test(source)) return channel;
  }
  return "other";
}
