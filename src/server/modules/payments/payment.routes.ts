import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { paymentEndpoints as api } from "../../../shared/api/payment";
import { requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { PaymentService } from "./payment.service";

/** 统一支付: payers and staff read orders, payers go to the cashier, the provider posts its signed notifications. */
export const paymentRoutes: FastifyPluginAsync<{ payments: PaymentService }> = async (app, { payments }) => {
  route(app, api.getApplicationsByIdPayments, async (req) => payments.forApplication(requireActor(req), req.params.id));
  route(app, api.getMePayments, async (req) => payments.mine(requireCitizen(req)));
  route(app, api.getPayments, async (req) => payments.list(requireStaff(req), req.query, req.query.limit, req.query.offset));
  route(app, api.getPaymentsById, async (req) => payments.get(requireActor(req), req.params.id));
  route(app, api.postPaymentsByIdCheckout, async (req) => payments.checkout(requireCitizen(req), req.params.id));

  // The notification's signature is over the raw body: keep it as the provider sent it.
  await app.register(async (notify) => {
    notify.addContentTypeParser("application/json", { parseAs: "string", bodyLimit: 16 * 1024 }, (req, body, done) => {
      (req as FastifyRequest & { rawBody?: string }).rawBody = body as string;
      done(null, undefined);
    });
    route(notify, api.postPaymentsNotify, async (req) => {
      const raw = (req as FastifyRequest & { rawBody?: string }).rawBody ?? "";
      const { applied } = await payments.notify(req.headers, req.url.split("?")[0]!, raw);
      return { received: true as const, applied };
    }, { config: { rateLimit: false } });
  });
};
