// POST: a shopper's survey answers from the checkout extension (thank-you and order-status pages).
// GET: whether an order already answered. Both authenticate the checkout session token.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import db, { databaseKind, databaseUrl } from "../db.server";
import { openSqliteAnswerWriter } from "../surveys/answer-writer.server";
import { type AnswerEndpointDeps, defaultLimiters, handleAnswerPost, handleAnswerStatus } from "../surveys/answer-endpoint.server";
import { apiKey, authenticate } from "../shopify.server";

const deps: AnswerEndpointDeps = {
  db,
  apiKey,
  authenticate: (request) => authenticate.public.checkout(request),
  ...defaultLimiters(),
  ...(databaseKind(databaseUrl()) === "sqlite" ? { answerWriter: openSqliteAnswerWriter(databaseUrl()) } : {}),
};

// OPTIONS (the CORS preflight) reaches the action, where the library answers it.
export const action = ({ request }: ActionFunctionArgs) => handleAnswerPost(request, deps);
export const loader = ({ request }: LoaderFunctionArgs) => handleAnswerStatus(request, deps);
