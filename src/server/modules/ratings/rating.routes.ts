import type { FastifyPluginAsync } from "fastify";
import { ratingEndpoints as api } from "../../../shared/api/rating";
import { route } from "../../http/endpoints";
import { requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import type { SupervisionSettingsService } from "../supervision";
import type { RatingCaseService } from "./rating-case.service";
import type { RatingFiguresService } from "./rating-figures.service";
import type { RatingService } from "./rating.service";

/** 好差评: rating service events, 差评 cases, tracing, public figures, and the deadline settings. */
export const ratingRoutes: FastifyPluginAsync<{ ratings: RatingService; cases: RatingCaseService; figures: RatingFiguresService; settings: SupervisionSettingsService; publicRateLimitPerMinute: number }> = async (app, deps) => {
  const { ratings, cases, figures, settings } = deps;
  route(app, api.getMeRatingsPending, async (req) => ({ items: await ratings.pending(requireCitizen(req)) }));
  route(app, api.getMeRatings, async (req) => ({ items: await ratings.mine(requireCitizen(req), req.query.limit, req.query.offset) }));
  route(app, api.getRatingsForm, async (req) => ratings.form(requireCitizen(req), req.query.eventKind, req.query.eventId));
  route(app, api.postRatings, (req) => ratings.rate(requireActor(req), req.body, requestContext(req)));
  route(app, api.postRatingsInvitations, (req) => ratings.invite(requireStaff(req), req.body.eventKind, req.body.eventId, requestContext(req)));
  const publicLimit = { config: { rateLimit: { max: deps.publicRateLimitPerMinute, timeWindow: "1 minute" } } };
  route(app, api.getRatingsInvitationsByToken, async (req) => ratings.invitation(req.params.token), publicLimit);
  route(app, api.postRatingsInvitationsByToken, (req) => ratings.rateByInvitation(req.params.token, req.body, requestContext(req)), publicLimit);
  route(app, api.getRatingCases, async (req) => ({ items: await cases.list(requireStaff(req), req.query.state ?? null, req.query.limit, req.query.offset) }));
  route(app, api.getRatingCasesById, async (req) => cases.get(requireActor(req), req.params.id));
  route(app, api.postRatingCasesByIdActions, async (req) => cases.act(requireStaff(req), req.params.id, req.body, requestContext(req)));
  route(app, api.postRatingCasesByIdRerate, (req) => ratings.rerate(requireCitizen(req), req.params.id, req.body, requestContext(req)));
  route(app, api.getRatingsTrace, async (req) => figures.trace(requireStaff(req), req.query));
  route(app, api.getRatingsPublic, async (req) => figures.publicFigures(req.query.days));
  route(app, api.getSupervisionDeadlines, async (req) => {
    requireStaff(req);
    return settings.view();
  });
  route(app, api.putSupervisionDeadlines, async (req) => settings.update(requireStaff(req), req.body, requestContext(req)));
};
