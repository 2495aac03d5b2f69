import type { FastifyPluginAsync } from "fastify";
import { searchEndpoints as api } from "../../../shared/api/search";
import { route } from "../../http/endpoints";
import { requestContext, requireStaff } from "../../http/auth-plugin";
import type { SearchService } from "./search.service";
import type { SearchVocabularyService } from "./vocabulary.service";

/** Unified search, suggestions, and the vocabulary administrators maintain (synonyms, answers). */
export const searchRoutes: FastifyPluginAsync<{ search: SearchService; vocabulary: SearchVocabularyService }> = async (app, deps) => {
  route(app, api.getSearch, async (req) => {
    const started = performance.now();
    const { q, type, limit, offset, ...filters } = req.query;
    const result = await deps.search.search(q, { types: type ? [type] : undefined, filters, limit, offset });
    return {
      total: result.total,
      understoodAs: result.understoodAs,
      tookMs: Math.round((performance.now() - started) * 100) / 100,
      hits: result.hits.map((h) => ({
        type: h.doc.type,
        id: h.doc.id,
        title: h.title,
        snippet: h.snippet,
        score: h.score,
        basicCode: h.doc.payload.basicCode ?? null,
        implCode: h.doc.payload.implCode ?? null,
        orgName: h.doc.payload.orgName ?? null,
        level: h.doc.payload.level ?? null,
        kind: h.doc.payload.kind ?? null,
        docNumber: h.doc.payload.docNumber ?? null,
        status: h.doc.payload.status ?? null,
        issuer: h.doc.payload.issuer ?? null,
        answer: h.doc.payload.answer ?? null,
        alsoAt: h.alternatives.slice(0, 20).map((a) => ({ id: a.id, orgName: a.payload.orgName ?? "", level: a.payload.level ?? "" })),
      })),
    };
  });
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
