// Every parameter of the generating process, in one place. docs/emulator-shop.md explains each one;
// tests read them from here (through `truth.parameters`) rather than repeating numbers.

export const PROCESS = {
  arrival: {
    /** New-customer intensity at the window's end over that at its start (exponential growth). */
    growth: 3,
    /** Multipliers by local month (Jan..Dec): summer bonus in July, year-end gifting in Nov–Dec. */
    monthFactor: [0.9, 0.85, 1.0, 1.0, 0.95, 0.95, 1.05, 0.95, 0.95, 1.0, 1.2, 1.35],
    /** Multipliers by local weekday (Sun..Sat). */
    weekdayFactor: [1.1, 1.05, 1.0, 1.0, 0.95, 0.95, 1.0],
  },
  /** Relative order weights by local hour (0..23): lunch break and 20–23h peaks, quiet 2–6h. */
  onlineHourWeights: [4, 2.5, 1.5, 1, 0.8, 1, 1.5, 2.5, 3, 3.5, 4, 4.5, 6, 5, 4, 4, 4, 4.5, 5, 5.5, 6.5, 8, 8, 6],
  /** POS orders happen while the pop-up store is open. */
  posHours: [11, 20],
  /** The subscription billing job runs at 09:00 shop time; renewals complete within two hours. */
  renewalHours: [9, 11],
  /** Staff test orders happen in office hours. */
  testHours: [10, 18],
  shares: {
    /** Orders with no customer (guest checkout), exact: round(orders * guest). */
    guest: 0.05,
    /** Test orders (no customer), exact: round(orders * test). */
    test: 0.005,
    /** Of test orders, the share placed in the shop's first 30 days (setting up checkout). */
    launchTests: 0.6,
  },
  purchase: {
    /** One-time purchase rate per year ~ Gamma(shape, mean / shape) times channel and first-product factors. */
    rateShape: 0.3,
    meanRatePerYear: 10,
    /** Subscribers get their consumables by subscription, so buy one-time less often. */
    subscriberRateFactor: 0.5,
    /** Dropout probability is clamped into this range after the first-product factor. */
    dropoutRange: [0.02, 0.97],
  },
  spend: {
    /** Customer's mean order value ~ Gamma(customerShape, mean / customerShape) times the channel factor. */
    meanOrderValueJpy: 5200,
    customerShape: 2.2,
    /** Each order's target value ~ Gamma(orderShape, customerMean / orderShape). */
    orderShape: 6,
    maxLines: 6,
    maxQuantity: 6,
  },
  /** Order source of customers' one-time orders, and of guest orders. */
  customerSources: { web: 0.955, pos: 0.03, shopify_draft_order: 0.015 },
  guestSources: { web: 0.75, pos: 0.25, shopify_draft_order: 0 },
  crossBorder: {
    /** Customers living abroad (web orders presented in USD/TWD/HKD); they never subscribe. */
    customerShare: 0.08,
    /** Guest web orders presented in a foreign currency. */
    guestWebShare: 0.08,
  },
  cancellation: {
    /** Of one-time and guest orders (never subscription or test orders). */
    share: 0.018,
    /** Cancelled before the payment was captured (VOIDED) rather than refunded. */
    voidedShare: 0.4,
    reasons: { CUSTOMER: 0.6, DECLINED: 0.12, FRAUD: 0.08, INVENTORY: 0.12, OTHER: 0.05, STAFF: 0.03 },
    /** Hours after the order; always before fulfilment. */
    hours: [0.1, 20],
  },
  refund: {
    /** Of paid, non-cancelled, non-test orders; refunds that would fall after the window's end do not happen. */
    share: 0.042,
    /** Of refunds, the share under the 120-day satisfaction guarantee (30–120 days after payment). */
    lateShare: 0.35,
    earlyDays: [1, 14],
    lateDays: [30, 120],
    /** First refund returns everything (shipping and tax included) rather than one line. */
    fullShare: 0.55,
    /** A partial refund is followed by a second refund of everything left. */
    secondShare: 0.2,
    secondDays: [3, 20],
  },
  payment: {
    /** Web orders paid at a convenience store (konbini) within 0.1–3 days; PENDING until then. */
    konbiniShare: 0.06,
    konbiniDays: [0.1, 3],
    /** Draft orders sent with payment terms, paid 7–30 days later. */
    draftTermsShare: 0.4,
    draftTermsDays: [7, 30],
  },
  /** Shipped 0.5–4 days after payment; POS orders are handed over at once. */
  fulfilmentDays: [0.5, 4],
  shipping: { feeJpy: 600, freeFromJpy: 5000 },
  journey: {
    /** Online (web) orders with a customer journey summary: first orders, later orders. */
    firstOrderShare: 0.9,
    laterOrderShare: 0.72,
  },
  discounts: {
    /** First web order of a non-influencer, non-LINE customer uses WELCOME10. */
    welcomeShare: 0.3,
    /** First order of an influencer-channel customer uses their influencer's code; later orders reuse it. */
    influencerFirstShare: 0.9,
    influencerRepeatShare: 0.15,
    /** First order of a LINE customer uses the LINE friend coupon (fixed ¥500). */
    lineCouponShare: 0.4,
    lineCouponJpy: 500,
    /** Any web order inside a campaign window uses the campaign code. */
    campaignShare: 0.35,
  },
  subscription: {
    /** The contract starts with the customer's first order (else with their second one-time order). */
    originFirstOrderShare: 0.8,
    monthlyShare: 0.65,
    quantityTwoShare: 0.1,
    /** "12-delivery course": contracts that EXPIRE after a fixed number of deliveries (12 monthly / 6 bimonthly). */
    fixedCourseShare: 0.12,
    fixedCourseDeliveries: 12,
    /** Shifted-beta-geometric churn: each contract's per-cycle cancel probability ~ Beta(a, b). */
    churnBeta: [0.9, 4],
    bimonthlyChurnFactor: 1.25,
    /** Per cycle: pause before the billing; of pauses, the share that resume after 1–6 skipped cycles. */
    pauseShare: 0.04,
    resumeShare: 0.6,
    /** A pause that never resumes ends in a cancellation 20–120 days later in this share of cases. */
    cancelAfterPauseShare: 0.5,
    /** Per billing attempt: payment fails and dunning gives up 3–7 days later (FAILED). */
    paymentFailureShare: 0.025,
    dunningDays: [3, 7],
  },
} as const;

export type ProcessParameters = typeof PROCESS;
