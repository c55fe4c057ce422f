// The survey builder: questions, options, follow-ups and their order, placement, a preview in either
// language, and activate / pause. Saving writes a new version and publishes the active surveys to the
// metafield the checkout extension reads.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { TitleBar } from "@shopify/app-bridge-react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, ChoiceList, Divider, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import db from "../db.server";
import { parseEnv } from "../env.server";
import type { MessageKey } from "../locales/i18n";
import { useTranslation } from "../locales/useTranslation";
import { authenticate } from "../shopify.server";
import { describeIssue, PLACEMENTS, QUESTION_KINDS, type SurveyDefinition, surveyDefinitionSchema } from "../surveys/definition";
import { localized } from "../surveys/flow";
import { clearSurveyCache } from "../surveys/answers.server";
import { publishSurveyConfig } from "../surveys/publish.server";
import { loadSurvey, saveSurveyVersion, setSurveyStatus, SurveyNotFoundError, toDefinition } from "../surveys/store.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const survey = await loadSurvey(db, session.shop, params.id ?? "");
    return { id: survey.id, status: survey.status, version: survey.version, definition: toDefinition(survey) };
  } catch (error) {
    if (error instanceof SurveyNotFoundError) throw new Response("Survey not found", { status: 404 });
    throw error;
  }
};

type ActionResult = { ok: true; message: MessageKey; version: number; publishError?: string } | { ok: false; error: string };

export const action = async ({ request, params }: ActionFunctionArgs): Promise<ActionResult> => {
  const { session, admin } = await authenticate.admin(request);
  const shop = session.shop;
  const id = params.id ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  let version: number;
  let message: MessageKey;
  try {
    if (intent === "save") {
      let input: unknown;
      try {
        input = JSON.parse(String(form.get("definition") ?? ""));
      } catch {
        return { ok: false, error: "definition: not valid JSON" };
      }
      const parsed = surveyDefinitionSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
      version = (await saveSurveyVersion(db, shop, id, parsed.data)).version;
      message = "builder.saved";
    } else if (intent === "activate" || intent === "pause") {
      version = (await setSurveyStatus(db, shop, id, intent === "activate" ? "active" : "paused")).version;
      // The answer endpoint in this process takes the new status at once (others within seconds).
      clearSurveyCache();
      message = intent === "activate" ? "builder.activated" : "builder.paused";
    } else {
      return { ok: false, error: "intent: unknown action" };
    }
  } catch (error) {
    if (error instanceof SurveyNotFoundError) throw new Response("Survey not found", { status: 404 });
    throw error;
  }
  try {
    await publishSurveyConfig(db, shop, admin, parseEnv().SHOPIFY_APP_URL);
  } catch (error) {
    return { ok: true, message, version, publishError: (error as Error).message };
  }
  return { ok: true, message, version };
};

type Question = SurveyDefinition["questions"][number];
type Option = Question["options"][number];

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

function freshKey(prefix: string, taken: string[]): string {
  for (let n = taken.length + 1; ; n += 1) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

export default function SurveyBuilder() {
  const loaded = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  const fetcher = useFetcher<ActionResult>();
  const [definition, setDefinition] = useState<SurveyDefinition>(loaded.definition as SurveyDefinition);
  const [previewLanguage, setPreviewLanguage] = useState<string>(locale);
  const busy = fetcher.state !== "idle";
  const result = fetcher.data;

  const setQuestion = (index: number, change: Partial<Question>) =>
    setDefinition((d) => ({ ...d, questions: d.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  const setOption = (qi: number, oi: number, change: Partial<Option>) =>
    setQuestion(qi, { options: definition.questions[qi].options.map((o, i) => (i === oi ? { ...o, ...change } : o)) });
  const submit = (intent: string) => fetcher.submit({ intent, definition: JSON.stringify(definition) }, { method: "post" });
  const kindOptions = QUESTION_KINDS.map((kind) => ({ value: kind, label: t(`surveys.kind.${kind}` as MessageKey) }));

  return (
    <Page backAction={{ url: "/app/surveys" }}>
      <TitleBar title={definition.name} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result && !result.ok && <Banner tone="critical">{t("builder.invalid", { error: result.error })}</Banner>}
            {result?.ok && (
              <Banner tone={result.publishError ? "warning" : "success"}>
                {result.publishError ? t("builder.publishFailed", { error: result.publishError }) : t(result.message, { version: result.version })}
              </Banner>
            )}
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Badge tone={loaded.status === "active" ? "success" : loaded.status === "paused" ? "attention" : undefined}>
                    {t(`surveys.status.${loaded.status}` as MessageKey)}
                  </Badge>
                  <Text as="span" tone="subdued">
                    {t("surveys.version", { version: loaded.version })}
                  </Text>
                </InlineStack>
                <TextField label={t("builder.name")} value={definition.name} onChange={(name) => setDefinition((d) => ({ ...d, name }))} autoComplete="off" />
                <ChoiceList
                  allowMultiple
                  title={t("builder.placements")}
                  choices={PLACEMENTS.map((p) => ({ value: p, label: t(`surveys.placement.${p}` as MessageKey) }))}
                  selected={definition.placements}
                  onChange={(placements) => setDefinition((d) => ({ ...d, placements: placements as SurveyDefinition["placements"] }))}
                />
              </BlockStack>
            </Card>
            {definition.questions.map((question, qi) => {
              const earlier = definition.questions.slice(0, qi);
              const parent = earlier.find((q) => q.key === question.showIf?.key);
              return (
                <Card key={qi}>
                  <BlockStack gap="300">
                    <InlineStack align="space-between">
                      <Text as="h3" variant="headingSm">
                        {t("builder.question", { number: qi + 1 })}
                      </Text>
                      <InlineStack gap="200">
                        <Button disabled={qi === 0} onClick={() => setDefinition((d) => ({ ...d, questions: move(d.questions, qi, qi - 1) }))}>
                          {t("builder.moveUp")}
                        </Button>
                        <Button disabled={qi === definition.questions.length - 1} onClick={() => setDefinition((d) => ({ ...d, questions: move(d.questions, qi, qi + 1) }))}>
                          {t("builder.moveDown")}
                        </Button>
                        <Button tone="critical" disabled={definition.questions.length === 1} onClick={() => setDefinition((d) => ({ ...d, questions: d.questions.filter((_, i) => i !== qi) }))}>
                          {t("builder.remove")}
                        </Button>
                      </InlineStack>
                    </InlineStack>
                    <InlineStack gap="300" wrap={false}>
                      <Box minWidth="40%">
                        <TextField label={t("builder.key")} value={question.key} onChange={(key) => setQuestion(qi, { key })} autoComplete="off" />
                      </Box>
                      <Box minWidth="40%">
                        <Select
                          label={t("builder.kind")}
                          options={kindOptions}
                          value={question.kind}
                          onChange={(kind) => {
                            const choice = kind === "single" || kind === "multiple";
                            setQuestion(qi, { kind: kind as Question["kind"], options: choice ? question.options : [] });
                          }}
                        />
                      </Box>
                    </InlineStack>
                    <TextField label={t("builder.promptEn")} value={question.prompt.en} onChange={(en) => setQuestion(qi, { prompt: { ...question.prompt, en } })} autoComplete="off" />
                    <TextField label={t("builder.promptJa")} value={question.prompt.ja} onChange={(ja) => setQuestion(qi, { prompt: { ...question.prompt, ja } })} autoComplete="off" />
                    {(question.kind === "single" || question.kind === "multiple") && (
                      <BlockStack gap="200">
                        <Checkbox label={t("builder.randomize")} checked={question.randomize} onChange={(randomize) => setQuestion(qi, { randomize })} />
                        <Text as="h4" variant="headingXs">
                          {t("builder.options")}
                        </Text>
                        {question.options.map((option, oi) => (
                          <InlineStack key={oi} gap="200" blockAlign="end" wrap={false}>
                            <TextField label={t("builder.optionId")} value={option.id} onChange={(id) => setOption(qi, oi, { id })} autoComplete="off" />
                            <TextField label={t("builder.optionEn")} value={option.label.en} onChange={(en) => setOption(qi, oi, { label: { ...option.label, en } })} autoComplete="off" />
                            <TextField label={t("builder.optionJa")} value={option.label.ja} onChange={(ja) => setOption(qi, oi, { label: { ...option.label, ja } })} autoComplete="off" />
                            <Checkbox label={t("builder.writeIn")} checked={option.writeIn ?? false} onChange={(writeIn) => setOption(qi, oi, { writeIn })} />
                            <Button onClick={() => setQuestion(qi, { options: move(question.options, oi, oi - 1) })} disabled={oi === 0}>
                              ↑
                            </Button>
                            <Button tone="critical" onClick={() => setQuestion(qi, { options: question.options.filter((_, i) => i !== oi) })}>
                              {t("builder.remove")}
                            </Button>
                          </InlineStack>
                        ))}
                        <InlineStack>
                          <Button
                            onClick={() =>
                              setQuestion(qi, { options: [...question.options, { id: freshKey("option", question.options.map((o) => o.id)), label: { en: "", ja: "" } }] })
                            }
                          >
                            {t("builder.addOption")}
                          </Button>
                        </InlineStack>
                      </BlockStack>
                    )}
                    {qi > 0 && (
                      <BlockStack gap="200">
                        <Select
                          label={t("builder.followUp")}
                          options={[{ value: "", label: t("builder.followUp.always") }, ...earlier.map((q) => ({ value: q.key, label: `${t("builder.followUp.parent")}: ${q.key}` }))]}
                          value={question.showIf?.key ?? ""}
                          onChange={(key) => {
                            const target = earlier.find((q) => q.key === key);
                            if (!target) return setQuestion(qi, { showIf: undefined });
                            const scored = target.kind === "csat" || target.kind === "nps";
                            setQuestion(qi, { showIf: scored ? { key, scoreAtMost: target.kind === "csat" ? 2 : 6 } : { key, optionIds: target.options.slice(0, 1).map((o) => o.id) } });
                          }}
                        />
                        {question.showIf && parent && (parent.kind === "csat" || parent.kind === "nps") && (
                          <TextField
                            type="number"
                            label={t("builder.followUp.scoreAtMost")}
                            value={String(question.showIf.scoreAtMost ?? "")}
                            onChange={(value) => setQuestion(qi, { showIf: { key: parent.key, scoreAtMost: Number(value) } })}
                            autoComplete="off"
                          />
                        )}
                        {question.showIf && parent && parent.options.length > 0 && (
                          <TextField
                            label={t("builder.followUp.options")}
                            value={(question.showIf.optionIds ?? []).join(", ")}
                            onChange={(value) => setQuestion(qi, { showIf: { key: parent.key, optionIds: value.split(",").map((s) => s.trim()).filter(Boolean) } })}
                            autoComplete="off"
                          />
                        )}
                      </BlockStack>
                    )}
                  </BlockStack>
                </Card>
              );
            })}
            <InlineStack gap="200">
              <Button
                onClick={() =>
                  setDefinition((d) => ({
                    ...d,
                    questions: [...d.questions, { key: freshKey("question", d.questions.map((q) => q.key)), kind: "text", prompt: { en: "", ja: "" }, options: [], randomize: false }],
                  }))
                }
              >
                {t("builder.addQuestion")}
              </Button>
            </InlineStack>
            <InlineStack gap="200">
              <Button variant="primary" loading={busy} onClick={() => submit("save")}>
                {t("builder.save")}
              </Button>
              {loaded.status === "active" ? (
                <Button loading={busy} onClick={() => submit("pause")}>
                  {t("builder.pause")}
                </Button>
              ) : (
                <Button loading={busy} onClick={() => submit("activate")}>
                  {t("builder.activate")}
                </Button>
              )}
            </InlineStack>
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("builder.preview")}
              </Text>
              <Select
                label={t("builder.previewLanguage")}
                options={[
                  { value: "en", label: "English" },
                  { value: "ja", label: "日本語" },
                ]}
                value={previewLanguage}
                onChange={setPreviewLanguage}
              />
              <Text as="p" tone="subdued">
                {t("builder.preview.skip")}
              </Text>
              {definition.questions.map((question, qi) => (
                <BlockStack key={qi} gap="100">
                  {qi > 0 && <Divider />}
                  {question.showIf && (
                    <Text as="p" tone="subdued" variant="bodySm">
                      {t("builder.preview.followUp", { parent: question.showIf.key })}
                    </Text>
                  )}
                  <Text as="p" fontWeight="semibold">
                    {localized(question.prompt, previewLanguage)}
                  </Text>
                  {question.kind === "csat" && <Text as="p">1 · 2 · 3 · 4 · 5</Text>}
                  {question.kind === "nps" && <Text as="p">0 · 1 · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 · 10</Text>}
                  {question.options.map((option) => (
                    <Text as="p" key={option.id}>
                      ○ {localized(option.label, previewLanguage)}
                    </Text>
                  ))}
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
