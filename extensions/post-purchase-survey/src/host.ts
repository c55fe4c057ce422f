// What the survey needs from the page it renders on. The two entry modules build it from the `shopify`
// global of their target; tests build it by hand.
import type { AnswerInput, Placement, PublishedSurvey, SurveyConfig } from "../../../app/surveys/flow";

export type { SurveyConfig };

export interface SurveyHost {
  placement: Placement;
  /** The language the extension renders in ("en", "ja", …). */
  language: string;
  orderId: string | undefined;
  config: SurveyConfig | null;
  translate(key: string, vars?: Record<string, string | number>): string;
  sessionToken(): Promise<string>;
  storage: { read<T>(key: string): Promise<T | null>; write(key: string, value: unknown): Promise<void> };
  fetch: typeof fetch;
}

/** The part of either target's `shopify` global that the survey reads (both targets offer it alike). */
export interface PageApi {
  localization: { extensionLanguage: { value: { isoCode: string } } };
  appMetafields: { value: readonly { metafield: { namespace: string; key: string; value: unknown } }[] };
  i18n: { translate(key: string, vars?: Record<string, string | number>): string };
  sessionToken: { get(): Promise<string> };
  storage: SurveyHost["storage"];
}

/**
 * The host of an entry module, from its target's global and its way to the order's id. Getters: read
 * while the survey renders, so the signals behind them re-render it when they change (the order id can
 * arrive after the first render).
 */
export function pageHost(api: PageApi, placement: Placement, orderId: () => string | undefined): SurveyHost {
  return {
    placement,
    get language() {
      return api.localization.extensionLanguage.value.isoCode;
    },
    get orderId() {
      return orderId();
    },
    get config() {
      const entry = api.appMetafields.value.find((e) => e.metafield.namespace === "$app" && e.metafield.key === "survey_config");
      return parseConfig(entry ? String(entry.metafield.value) : undefined);
    },
    translate: (key, vars) => api.i18n.translate(key, vars),
    sessionToken: () => api.sessionToken.get(),
    storage: { read: (key) => api.storage.read(key), write: (key, value) => api.storage.write(key, value) },
    fetch: (input, init) => fetch(input, init),
  };
}

export function parseConfig(value: string | undefined): SurveyConfig | null {
  if (!value) return null;
  try {
    const config = JSON.parse(value) as SurveyConfig;
    return typeof config.appUrl === "string" && Array.isArray(config.surveys) ? config : null;
  } catch {
    return null;
  }
}

export function surveyFor(config: SurveyConfig | null, placement: Placement): PublishedSurvey | undefined {
  return config?.surveys.find((survey) => survey.placements.includes(placement) && survey.questions.length > 0);
}

export const answeredKey = (surveyId: string, orderId: string) => `tsuzuku:${surveyId}:${orderId}`;

async function call(host: SurveyHost, path: string, init: RequestInit = {}): Promise<Response> {
  const token = await host.sessionToken();
  return host.fetch(`${host.config!.appUrl}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  });
}

/** Has this order answered already (on another page or device)? Unknown counts as not answered. */
export async function alreadyAnswered(host: SurveyHost, survey: PublishedSurvey, orderId: string): Promise<boolean> {
  if (await host.storage.read(answeredKey(survey.surveyId, orderId))) return true;
  if (host.placement !== "order-status") return false;
  try {
    const query = new URLSearchParams({ orderId, surveyId: survey.surveyId });
    const response = await call(host, `/api/survey-answers?${query}`, { method: "GET" });
    return response.ok && (await response.json()).answered === true;
  } catch {
    return false;
  }
}

export async function sendAnswer(host: SurveyHost, survey: PublishedSurvey, orderId: string, answer: AnswerInput): Promise<boolean> {
  const body = JSON.stringify({
    surveyId: survey.surveyId,
    surveyVersion: survey.version,
    orderId,
    placement: host.placement,
    locale: host.language,
    answers: [answer],
  });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const response = await call(host, "/api/survey-answers", { method: "POST", body });
      // A 4xx will not get better on a retry; a 409 means the order answered already.
      if (response.ok || response.status === 409) return true;
      if (response.status < 500 && response.status !== 429) return false;
    } catch {
      // network: try once more
    }
  }
  return false;
}
