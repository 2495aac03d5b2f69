import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { VocabularyRepository } from "./vocabulary.repository";
import type { ContentGenerationRepository } from "../content-generation";
import type { Store, UnitOfWork } from "../../db/store";
import type { AuditRepository } from "../audit";
import type { CatalogueRepository } from "../catalogue";
import { DomainError } from "../../domain-error";
import { servesCity } from "../../access/scope";

/** The repositories used here (a module writes only its own tables; see ARCHITECTURE.md). */
export type Repos = UnitOfWork & { audit: AuditRepository; catalogue: CatalogueRepository; contentGeneration: ContentGenerationRepository; vocabulary: VocabularyRepository };

/** City-level catalogue administrators maintain the search vocabulary. */
function assertEditor(actor: Actor) {
  if (!hasRole(actor, "catalog_admin") || !servesCity(actor)) throw new DomainError("FORBIDDEN");
}

export interface AnswerInput {
  question: string;
  answer: string;
  tags: string[];
  basicCode: string | null;
}

/**
 * The administrator-edited search vocabulary: the synonym dictionary (everyday word → official
 * terms) and the knowledge answers (question → answer). Changes reach search at once.
 * Raises: FORBIDDEN, SYNONYM_NOT_FOUND, ANSWER_NOT_FOUND, BASIC_CODE_UNKNOWN.
 */
export class SearchVocabularyService {
  constructor(private readonly store: Store<Repos>) {}

  async list() {
    const rows = await this.store.repos.vocabulary.listSynonyms();
    return rows.map((r) => ({ term: r.term, expansions: r.expansions, updatedAt: r.updated_at.toISOString() }));
  }

  async put(actor: Actor, term: string, expansions: string[], ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      await repos.vocabulary.upsertSynonym(term, [...new Set(expansions)]);
      await repos.contentGeneration.bump();
      await repos.audit.append(actor, ctx, { action: "search.synonym_put", targetType: "search_synonym", targetId: term, details: { expansions } });
    });
  }

  async remove(actor: Actor, term: string, ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      if (!(await repos.vocabulary.deleteSynonym(term))) throw new DomainError("SYNONYM_NOT_FOUND");
      await repos.contentGeneration.bump();
      await repos.audit.append(actor, ctx, { action: "search.synonym_delete", targetType: "search_synonym", targetId: term });
    });
  }

  async listAnswers() {
    const rows = await this.store.repos.vocabulary.listAnswers();
    return rows.map((a) => ({ id: a.id, question: a.question, answer: a.answer, tags: a.tags, basicCode: a.basic_code, updatedAt: a.updated_at.toISOString() }));
  }

  /** Creates (no id) or replaces an answer. */
  async saveAnswer(actor: Actor, id: string | null, input: AnswerInput, ctx: RequestContext): Promise<{ id: string }> {
    assertEditor(actor);
    return this.store.transact(async (repos) => {
      if (input.basicCode && !(await repos.catalogue.findBaseItem(input.basicCode))) throw new DomainError("BASIC_CODE_UNKNOWN");
      const row = { question: input.question, answer: input.answer, tags: input.tags, basic_code: input.basicCode };
      let answerId = id;
      if (answerId === null) answerId = (await repos.vocabulary.insertAnswer(row)).id;
      else if (!(await repos.vocabulary.updateAnswer(answerId, row))) throw new DomainError("ANSWER_NOT_FOUND");
      await repos.contentGeneration.bump();
      await repos.audit.append(actor, ctx, { action: id ? "search.answer_update" : "search.answer_create", targetType: "knowledge_answer", targetId: answerId, details: { question: input.question } });
      return { id: answerId };
    });
  }

  async removeAnswer(actor: Actor, id: string, ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      if (!(await repos.vocabulary.deleteAnswer(id))) throw new DomainError("ANSWER_NOT_FOUND");
      await repos.contentGeneration.bump();
      await repos.audit.append(actor, ctx, { action: "search.answer_delete", targetType: "knowledge_answer", targetId: id });
    });
  }
}
