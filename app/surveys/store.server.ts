// Surveys and their versioned questions. Saving an edit writes a new version of every question (same
// keys, new rows); answers keep pointing at the question rows of the version they answered.
import type { Db } from "../db.server";
import { type SurveyDefinition, surveyDefinitionSchema, type SurveyStatus } from "./definition";
import type { Placement, PublishedSurvey, SurveyQuestionDef } from "./flow";

export interface StoredQuestion extends SurveyQuestionDef {
  /** The SurveyQuestion row of this version. */
  id: string;
}

export interface StoredSurvey {
  id: string;
  name: string;
  status: SurveyStatus;
  placements: Placement[];
  version: number;
  activatedAt: Date | null;
  updatedAt: Date;
  questions: StoredQuestion[];
}

export class SurveyNotFoundError extends Error {
  constructor(shop: string, id: string) {
    super(`survey ${id} not found in ${shop}`);
    this.name = "SurveyNotFoundError";
  }
}

function questionRows(shop: string, surveyId: string, version: number, definition: SurveyDefinition) {
  return definition.questions.map((question, position) => ({
    shop,
    surveyId,
    surveyVersion: version,
    key: question.key,
    position,
    kind: question.kind,
    prompt: JSON.stringify(question.prompt),
    options: JSON.stringify(question.options),
    randomize: question.randomize,
    required: false,
    showIf: question.showIf ? JSON.stringify(question.showIf) : null,
  }));
}

export async function createSurvey(db: Db, shop: string, input: SurveyDefinition): Promise<StoredSurvey> {
  const definition = surveyDefinitionSchema.parse(input);
  const id = await db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: { shop, name: definition.name, placements: JSON.stringify(definition.placements), status: "draft", currentVersion: 1 },
    });
    await tx.surveyQuestion.createMany({ data: questionRows(shop, survey.id, 1, definition) });
    return survey.id;
  });
  return loadSurvey(db, shop, id);
}

/**
 * An edit: a new version with the given questions; the previous versions and their answers stay. When
 * only the name or placements change, the questions keep their version.
 */
export async function saveSurveyVersion(db: Db, shop: string, surveyId: string, input: SurveyDefinition): Promise<StoredSurvey> {
  const definition = surveyDefinitionSchema.parse(input);
  const current = await loadSurvey(db, shop, surveyId);
  if (JSON.stringify(toDefinition(current).questions) === JSON.stringify(definition.questions)) {
    await db.survey.update({ where: { shop_id: { shop, id: surveyId } }, data: { name: definition.name, placements: JSON.stringify(definition.placements) } });
    return loadSurvey(db, shop, surveyId);
  }
  await db.$transaction(async (tx) => {
    const survey = await tx.survey.findUnique({ where: { shop_id: { shop, id: surveyId } } });
    if (!survey) throw new SurveyNotFoundError(shop, surveyId);
    const version = survey.currentVersion + 1;
    await tx.surveyQuestion.createMany({ data: questionRows(shop, surveyId, version, definition) });
    // Guarded by the version read above: a concurrent save of the same survey fails on the unique
    // (survey, version, key) key instead of interleaving two versions.
    await tx.survey.update({
      where: { shop_id: { shop, id: surveyId } },
      data: { name: definition.name, placements: JSON.stringify(definition.placements), currentVersion: version },
    });
  });
  return loadSurvey(db, shop, surveyId);
}

export async function setSurveyStatus(db: Db, shop: string, surveyId: string, status: SurveyStatus): Promise<StoredSurvey> {
  const survey = await db.survey.findUnique({ where: { shop_id: { shop, id: surveyId } } });
  if (!survey) throw new SurveyNotFoundError(shop, surveyId);
  await db.survey.update({
    where: { shop_id: { shop, id: surveyId } },
    // The response rate counts orders from the first activation.
    data: { status, ...(status === "active" && !survey.activatedAt ? { activatedAt: new Date() } : {}) },
  });
  return loadSurvey(db, shop, surveyId);
}

export function parseQuestionRow(row: { id: string; key: string; kind: string; prompt: string; options: string; randomize: boolean; showIf: string | null }): StoredQuestion {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind as StoredQuestion["kind"],
    prompt: JSON.parse(row.prompt),
    options: JSON.parse(row.options),
    randomize: row.randomize,
    ...(row.showIf ? { showIf: JSON.parse(row.showIf) } : {}),
  };
}

/** One survey with the questions of `version` (the current one by default). */
export async function loadSurvey(db: Db, shop: string, surveyId: string, version?: number): Promise<StoredSurvey> {
  const survey = await db.survey.findUnique({ where: { shop_id: { shop, id: surveyId } } });
  if (!survey) throw new SurveyNotFoundError(shop, surveyId);
  const surveyVersion = version ?? survey.currentVersion;
  const rows = await db.surveyQuestion.findMany({ where: { shop, surveyId, surveyVersion }, orderBy: { position: "asc" } });
  if (rows.length === 0) throw new SurveyNotFoundError(shop, `${surveyId} v${surveyVersion}`);
  return {
    id: survey.id,
    name: survey.name,
    status: survey.status as SurveyStatus,
    placements: JSON.parse(survey.placements),
    version: surveyVersion,
    activatedAt: survey.activatedAt,
    updatedAt: survey.updatedAt,
    questions: rows.map(parseQuestionRow),
  };
}

export async function listSurveys(db: Db, shop: string) {
  return db.survey.findMany({
    where: { shop },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, status: true, placements: true, currentVersion: true, activatedAt: true, updatedAt: true },
  });
}

export function toDefinition(survey: StoredSurvey): SurveyDefinition {
  return {
    name: survey.name,
    placements: survey.placements,
    questions: survey.questions.map(({ id: _id, ...question }) => ({ ...question, options: question.options, randomize: question.randomize })),
  };
}

export function toPublished(survey: StoredSurvey): PublishedSurvey {
  return {
    surveyId: survey.id,
    version: survey.version,
    placements: survey.placements,
    questions: survey.questions.map(({ id: _id, ...question }) => question),
  };
}

/** Every active survey at its current version: what the extension is given to ask. */
export async function activeSurveys(db: Db, shop: string): Promise<PublishedSurvey[]> {
  const surveys = await db.survey.findMany({ where: { shop, status: "active" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  return Promise.all(surveys.map(async (survey) => toPublished(await loadSurvey(db, shop, survey.id))));
}
