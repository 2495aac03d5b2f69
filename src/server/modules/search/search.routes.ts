import type { FastifyPluginAsync } from "fastify";
import { searchEndpoints as api } from "../../../shared/api/search";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { SearchService } from "./search.service";
import type { SearchVocabularyService } from "./vocabulary.service";

/** Unified search, suggestions, and the vocabulary administrators maintain (synonyms, answers). */
export const searchRoutes: FastifyPluginAsync<{ search: SearchService; vocabulary: SearchVocabularyService }> = async (app, deps) => {
  route(
    app,
    api.getSearch,
    async (req) => {
      const { q, type, limit, offset, ...filters } = req.query;
      return deps.search.answer(q, { types: type ? [type] : undefined, filters, limit, offset });
    },
    { sharedAnswers: true },
  );
  route(app, api.getSearchSuggest, async (req) => ({ suggestions: await deps.search.suggest(req.query.q) }));

  
  route(app, api.getSearchSynonyms, async () => ({ items: await deps.vocabulary.list() }));
  
  
  route(app, api.getSearchAnswers, async () => ({ items: await deps.vocabulary.listAnswers() }));
  route(app, api.postSearchAnswers, (req) => deps.vocabulary.saveAnswer(requireStaff(req, "catalog_admin"), null, req.body, requestContext(req)));
  route(app, api.putSearchAnswersById, async (req) => deps.vocabulary.saveAnswer(requireStaff(req, "catalog_admin"), req.params.id, req.body, requestContext(req)));
  route(app, api.deleteSearchAnswersById, async (req) => {
    await deps.vocabulary.removeAnswer(requireStaff(req, "catalog_admin"), req.params.id, requestContext(req));
    return { ok: true as const };
  });
  route(app, api.putSearchSynonymsByTerm, async (req) => {
    await deps.vocabulary.put(requireStaff(req, "catalog_admin"), req.params.term, req.body.expansions, requestContext(req));
    return { ok: true as const };
  });
  route(app, api.deleteSearchSynonymsByTerm, async (req) => {
    await deps.vocabulary.remove(requireStaff(req, "catalog_admin"), req.params.term, requestContext(req));
    return { ok: true as const };
  });
};
