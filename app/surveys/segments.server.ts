// What the engine needs to segment customers by their answers: per customer, a satisfaction band, the
// attribution channel they named and the reason they gave for buying. Answers that arrived before their
// order was synced (or from a guest token) reach their customer through the synced order.
import type { Db } from "../db.server";

export type SatisfactionBand = "low" | "neutral" | "high";

export interface CustomerSurveySegment {
  customerId: string;
  /** From the latest CSAT answer (1–2 low, 3 neutral, 4–5 high), else the latest NPS answer (0–6, 7–8, 9–10). */
  satisfactionBand: SatisfactionBand | null;
  /** The option id of the customer's earliest "heard_from" answer: instagram, x, line, influencer, … */
  attributionChannel: string | null;
  /** The option id of the customer's earliest "purchase_reason" answer. */
  purchaseReason: string | null;
}

export function csatBand(score: number): SatisfactionBand {
  return score <= 2 ? "low" : score === 3 ? "neutral" : "high";
}

export function npsBand(score: number): SatisfactionBand {
  return score <= 6 ? "low" : score <= 8 ? "neutral" : "high";
}

/** One entry per customer with at least one usable answer, ordered by customer id. */
export async function surveySegmentsByCustomer(db: Db, shop: string): Promise<CustomerSurveySegment[]> {
  const answers = await db.surveyAnswer.findMany({
    where: { shop, question: { OR: [{ kind: { in: ["csat", "nps"] } }, { key: { in: ["heard_from", "purchase_reason"] } }] } },
    select: {
      score: true,
      optionIds: true,
      question: { select: { key: true, kind: true } },
      response: { select: { customerId: true, orderId: true, submittedAt: true } },
    },
  });
  const unlinked = [...new Set(answers.filter((a) => !a.response.customerId).map((a) => a.response.orderId))];
  const orderCustomer = new Map<string, string>();
  for (let i = 0; i < unlinked.length; i += 500) {
    const orders = await db.order.findMany({ where: { shop, id: { in: unlinked.slice(i, i + 500) }, customerId: { not: null } }, select: { id: true, customerId: true } });
    for (const order of orders) orderCustomer.set(order.id, order.customerId!);
  }

  const segments = new Map<string, CustomerSurveySegment & { csatAt?: number; npsAt?: number; channelAt?: number; reasonAt?: number }>();
  for (const answer of answers) {
    const customerId = answer.response.customerId ?? orderCustomer.get(answer.response.orderId);
    if (!customerId) continue;
    const at = answer.response.submittedAt.getTime();
    const segment = segments.get(customerId) ?? { customerId, satisfactionBand: null, attributionChannel: null, purchaseReason: null };
    segments.set(customerId, segment);
    const firstOption = answer.optionIds ? (JSON.parse(answer.optionIds) as string[])[0] ?? null : null;
    if (answer.question.kind === "csat" && answer.score !== null && (segment.csatAt === undefined || at > segment.csatAt)) {
      segment.csatAt = at;
      segment.satisfactionBand = csatBand(answer.score);
    } else if (answer.question.kind === "nps" && answer.score !== null && segment.csatAt === undefined && (segment.npsAt === undefined || at > segment.npsAt)) {
      segment.npsAt = at;
      segment.satisfactionBand = npsBand(answer.score);
    } else if (answer.question.key === "heard_from" && firstOption && (segment.channelAt === undefined || at < segment.channelAt)) {
      segment.channelAt = at;
      segment.attributionChannel = firstOption;
    } else if (answer.question.key === "purchase_reason" && firstOption && (segment.reasonAt === undefined || at < segment.reasonAt)) {
      segment.reasonAt = at;
      segment.purchaseReason = firstOption;
    }
  }
  return [...segments.values()]
    .filter((s) => s.satisfactionBand || s.attributionChannel || s.purchaseReason)
    .map(({ customerId, satisfactionBand, attributionChannel, purchaseReason }) => ({ customerId, satisfactionBand, attributionChannel, purchaseReason }))
    .sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
}
