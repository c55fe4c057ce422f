// CSV export of a survey's answers over the chosen range (one row per answer).
import type { LoaderFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { dayRange } from "../surveys/date-range";
import { answersCsv } from "../surveys/results.server";
import { SurveyNotFoundError } from "../surveys/store.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await db.shop.findUnique({ where: { shop: session.shop }, select: { ianaTimezone: true } });
  const url = new URL(request.url);
  const { range, from, to } = dayRange(url.searchParams.get("from"), url.searchParams.get("to"), shop?.ianaTimezone ?? "UTC");
  const id = params.id ?? "";
  if (!(await db.survey.count({ where: { shop: session.shop, id } }))) throw new Response("Survey not found", { status: 404 });
  try {
    const csv = await answersCsv(db, session.shop, id, range);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="survey-${id}-${from}-${to}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof SurveyNotFoundError) throw new Response("Survey not found", { status: 404 });
    throw error;
  }
};
