/** @jsxImportSource preact */
// One question at a time, each skippable; an answer is sent as soon as it is given, so leaving halfway
// keeps what was said. Follow-ups appear only when their condition holds. Nothing shows when there is no
// survey for this page or the order answered already.
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  type AnswerInput,
  localized,
  nextQuestionIndex,
  orderedOptions,
  SCORE_RANGE,
  seedFrom,
  type SurveyQuestionDef,
  TEXT_ANSWER_MAX,
} from "../../../app/surveys/flow";
import { alreadyAnswered, answeredKey, sendAnswer, type SurveyHost, surveyFor } from "./host";

type Phase = "checking" | "asking" | "thanks" | "hidden";

export function Survey({ host }: { host: SurveyHost }) {
  const survey = surveyFor(host.config, host.placement);
  const orderId = host.orderId;
  const [phase, setPhase] = useState<Phase>("checking");
  const [index, setIndex] = useState(-1);
  const [answers] = useState(() => new Map<string, AnswerInput>());
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!survey || !orderId) return setPhase("hidden");
    let live = true;
    alreadyAnswered(host, survey, orderId).then((answered) => {
      if (!live) return;
      const first = nextQuestionIndex(survey.questions, -1, answers);
      setIndex(first);
      setPhase(answered || first < 0 ? "hidden" : "asking");
    });
    return () => {
      live = false;
    };
    // The survey and order are fixed for the life of the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [survey?.surveyId, orderId]);

  if (phase === "hidden" || phase === "checking" || !survey || !orderId) return null;
  const t = host.translate;

  if (phase === "thanks") {
    return (
      <s-stack gap="small-200">
        <s-heading>{t("thanksHeading")}</s-heading>
        <s-text>{t("thanksBody")}</s-text>
      </s-stack>
    );
  }

  const finishOrAdvance = async (answer: AnswerInput | null) => {
    if (answer) {
      answers.set(answer.questionKey, answer);
      const sent = await sendAnswer(host, survey, orderId, answer);
      setFailed(!sent);
      if (!sent) return;
    }
    const next = nextQuestionIndex(survey.questions, index, answers);
    if (next >= 0) return setIndex(next);
    await host.storage.write(answeredKey(survey.surveyId, orderId), true);
    setPhase(answers.size > 0 ? "thanks" : "hidden");
  };

  const question = survey.questions[index];
  const visibleCount = survey.questions.filter((_, i) => i <= index || nextQuestionIndex(survey.questions, i - 1, answers) === i).length;
  return (
    <s-stack gap="base">
      <s-stack direction="inline" justifyContent="space-between">
        <s-heading>{t("heading")}</s-heading>
        <s-text color="subdued">{t("progress", { current: index + 1, total: Math.max(visibleCount, index + 1) })}</s-text>
      </s-stack>
      <Question key={question.key} question={question} host={host} seed={seedFrom(orderId)} onAnswer={finishOrAdvance} />
      {failed && <s-text tone="critical">{t("sendFailed")}</s-text>}
      <s-button variant="secondary" onClick={() => finishOrAdvance(null)}>
        {t("skip")}
      </s-button>
    </s-stack>
  );
}

interface QuestionProps {
  question: SurveyQuestionDef;
  host: SurveyHost;
  seed: number;
  onAnswer: (answer: AnswerInput) => void;
}

function Question({ question, host, seed, onAnswer }: QuestionProps) {
  const t = host.translate;
  const prompt = localized(question.prompt, host.language);
  const [chosen, setChosen] = useState<string[]>([]);
  const [text, setText] = useState("");
  const options = useMemo(() => orderedOptions(question, seed), [question, seed]);
  const key = question.key;

  switch (question.kind) {
    case "csat":
    case "nps": {
      const { min, max } = SCORE_RANGE[question.kind]!;
      const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i);
      return (
        <s-stack gap="small-200">
          <s-text type="strong">{prompt}</s-text>
          <s-stack direction="inline" gap="small-300">
            {scores.map((score) => (
              <s-button key={score} variant="secondary" accessibilityLabel={t("scoreLabel", { score, max })} onClick={() => onAnswer({ questionKey: key, score })}>
                {String(score)}
              </s-button>
            ))}
          </s-stack>
          <s-stack direction="inline" justifyContent="space-between">
            <s-text color="subdued">{t(question.kind === "csat" ? "csatLow" : "npsLow")}</s-text>
            <s-text color="subdued">{t(question.kind === "csat" ? "csatHigh" : "npsHigh")}</s-text>
          </s-stack>
        </s-stack>
      );
    }
    case "single":
    case "multiple": {
      const writeIn = options.some((option) => option.writeIn && chosen.includes(option.id));
      const submit = () => onAnswer({ questionKey: key, optionIds: chosen, ...(writeIn && text.trim() ? { text: text.trim() } : {}) });
      return (
        <s-stack gap="small-200">
          <s-choice-list
            label={prompt}
            name={key}
            multiple={question.kind === "multiple"}
            values={chosen}
            onChange={(event) => setChosen([...(event.currentTarget as unknown as { values: string[] }).values])}
          >
            {options.map((option) => (
              <s-choice key={option.id} value={option.id}>
                {localized(option.label, host.language)}
              </s-choice>
            ))}
          </s-choice-list>
          {writeIn && (
            <s-text-field label={t("otherLabel")} maxLength={TEXT_ANSWER_MAX} value={text} onInput={(event) => setText((event.currentTarget as unknown as { value: string }).value)} />
          )}
          <s-button variant="primary" disabled={chosen.length === 0} onClick={submit}>
            {t("next")}
          </s-button>
        </s-stack>
      );
    }
    case "text":
      return (
        <s-stack gap="small-200">
          <s-text-area label={prompt} maxLength={TEXT_ANSWER_MAX} rows={3} value={text} onInput={(event) => setText((event.currentTarget as unknown as { value: string }).value)} />
          <s-button variant="primary" disabled={!text.trim()} onClick={() => onAnswer({ questionKey: key, text: text.trim() })}>
            {t("send")}
          </s-button>
        </s-stack>
      );
    case "interview_opt_in":
      return (
        <s-stack gap="small-200">
          <s-text type="strong">{prompt}</s-text>
          <s-stack direction="inline" gap="small-300">
            <s-button variant="primary" onClick={() => onAnswer({ questionKey: key, consent: true })}>
              {t("interviewYes")}
            </s-button>
            <s-button variant="secondary" onClick={() => onAnswer({ questionKey: key, consent: false })}>
              {t("interviewNo")}
            </s-button>
          </s-stack>
        </s-stack>
      );
  }
}
