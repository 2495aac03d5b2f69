import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { deliveryEndpoints as api } from "../../../shared/api/delivery";
import { requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { DeliveryService } from "./delivery.service";

/** 统一物流: the applicant's choice and 上门取件, the window's hand-over, the carrier's signed notifications. */
export const deliveryRoutes: FastifyPluginAsync<{ deliveries: DeliveryService }> = async (app, { deliveries }) => {
  route(app, api.getApplicationsByIdDelivery, async (req) => deliveries.forApplication(requireActor(req), req.params.id));
  route(app, api.putApplicationsByIdDelivery, async (req) => deliveries.choose(requireCitizen(req), req.params.id, req.body, requestContext(req)));
  route(app, api.postApplicationsByIdMaterialPickups, async (req, reply) => reply.code(201).send(await deliveries.requestPickup(requireCitizen(req), req.params.id, req.body, requestContext(req))));
  route(app, api.getWindowPickups, async (req) => deliveries.readyForPickup(requireStaff(req)));
  route(app, api.postDeliveriesByIdHandOver, async (req) => deliveries.handOver(requireStaff(req), req.params.id, req.body, requestContext(req)));

  // The notification's signature is over the raw body: keep it as the carrier sent it.
  await app.register(async (notify) => {
    notify.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 16 * 1024 }, (req, body, done) => {
      (req as FastifyRequest & { rawBody?: string }).rawBody = body as string;
      done(null, undefined);
    });
    route(notify, api.postDeliveriesNotify, async (req) => {
      const { applied } = await deliveries.notify(req.headers, req.url.split("?")[0]!, (req as FastifyRequest & { rawBody?: string }).rawBody ?? "");
      return { received: true as const, applied };
    }, { config: { rateLimit: false } });
  });
};
