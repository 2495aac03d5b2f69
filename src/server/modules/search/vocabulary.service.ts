import { hasRole, type Actor, type RequestContext } from "../../actor";
import type { Store } from "../../db/store";
import { DomainError } from "../../domain-error";
import { servesCity } from "../../access/scope";

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
  constructor(private readonly store: Store) {}

  async list() {
    const rows = await this.store.repos.catalogue.listSynonyms();
    return rows.map((r) => ({ term: r.term, expansions: r.expansions, updatedAt: r.updated_at.toISOString() }));
  }

  async put(actor: Actor, term: string, expansions: string[], ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      await repos.catalogue.upsertSynonym(term, [...new Set(expansions)]);
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: "search.synonym_put", targetType: "search_synonym", targetId: term, details: { expansions } });
    });
  }

  async remove(actor: Actor, term: string, ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      if (!(await repos.catalogue.deleteSynonym(term))) throw new DomainError("SYNONYM_NOT_FOUND");
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: "search.synonym_delete", targetType: "search_synonym", targetId: term });
    });
  }

  async listAnswers() {
    const rows = await this.store.repos.catalogue.listAnswers();
    return rows.map((a) => ({ id: a.id, question: a.question, answer: a.answer, tags: a.tags, basicCode: a.basic_code, updatedAt: a.updated_at.toISOString() }));
  }

  /** Creates (no id) or replaces an answer. */
  async saveAnswer(actor: Actor, id: string | null, input: AnswerInput, ctx: RequestContext): Promise<{ id: string }> {
    assertEditor(actor);
    return this.store.transact(async (repos) => {
      if (input.basicCode && !(await repos.catalogue.findBaseItem(input.basicCode))) throw new DomainError("BASIC_CODE_UNKNOWN");
      const row = { question: input.question, answer: input.answer, tags: input.tags, basic_code: input.basicCode };
      let answerId = id;
      if (answerId === null) answerId = (await repos.catalogue.insertAnswer(row)).id;
      else if (!(await repos.catalogue.updateAnswer(answerId, row))) throw new DomainError("ANSWER_NOT_FOUND");
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: id ? "search.answer_update" : "search.answer_create", targetType: "knowledge_answer", targetId: answerId, details: { question: input.question } });
      return { id: answerId };
    });
  }

  async removeAnswer(actor: Actor, id: string, ctx: RequestContext) {
    assertEditor(actor);
    await this.store.transact(async (repos) => {
      if (!(await repos.catalogue.deleteAnswer(id))) throw new DomainError("ANSWER_NOT_FOUND");
      await repos.catalogue.bumpGeneration();
      await repos.audit.append(actor, ctx, { action: "search.answer_delete", targetType: "knowledge_answer", targetId: id });
    });
  }
}
