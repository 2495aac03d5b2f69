import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { paymentEndpoints as api } from "../../../shared/api/payment";
import { requestContext, requireActor, requireCitizen, requireStaff } from "../../http/auth-plugin";
import { sendXlsx } from "../../http/send-xlsx";
import { route } from "../../http/endpoints";
import type { PaymentService } from "./payment.service";
import type { PayoutService } from "./payout.service";
import type { ReconciliationService } from "./reconciliation.service";

/** 统一支付: payers and staff read orders, payers go to the cashier, the provider posts its signed notifications. */
export const paymentRoutes: FastifyPluginAsync<{ payments: PaymentService; payouts: PayoutService; reconciliation: ReconciliationService }> = async (app, { payments, payouts, reconciliation }) => {
  route(app, api.getApplicationsByIdPayments, async (req) => payments.forApplication(requireActor(req), req.params.id));
  route(app, api.getMePayments, async (req) => payments.mine(requireCitizen(req)));
  route(app, api.getPayments, async (req) => payments.list(requireStaff(req), req.query, req.query.limit, req.query.offset));
  route(app, api.getPaymentsById, async (req) => payments.get(requireActor(req), req.params.id));
  route(app, api.postPaymentsByIdCheckout, async (req) => payments.checkout(requireCitizen(req), req.params.id));
  route(app, api.postPaymentsByIdRenew, async (req) => payments.renew(requireCitizen(req), req.params.id, requestContext(req)));
  route(app, api.getPaymentsExport, async (req, reply) => {
    const actor = requireStaff(req);
    const paid = actor.roles.some((r) => r === "finance" || r === "approver" || r === "supervisor") ? (await payouts.list(actor, undefined, 20_000, 0)).items : [];
    return sendXlsx(reply, `payments-${req.query.from ?? "all"}-${req.query.to ?? "all"}.xlsx`, await payments.export(actor, req.query, paid));
  });
  route(app, api.getPayouts, async (req) => payouts.list(requireStaff(req), req.query.status, req.query.limit, req.query.offset));
  route(app, api.getApplicationsByIdPayouts, async (req) => payouts.ofApplication(requireActor(req), req.params.id));
  route(app, api.postPayoutsByIdRetry, async (req) => payouts.retry(requireStaff(req), req.params.id, requestContext(req)));
  route(app, api.postPayoutsBatches, async (req) => payouts.batch(requireStaff(req), req.body.payDate, requestContext(req)));
  route(app, api.getReconciliation, async (req) => reconciliation.runs(requireStaff(req)));
  route(app, api.getReconciliationByDay, async (req) => reconciliation.day(requireStaff(req), req.params.day));
  route(app, api.postReconciliationByDayRun, async (req) => reconciliation.run(req.params.day, requireStaff(req), requestContext(req)));
  route(app, api.postReconciliationFindingsByIdResolve, async (req) => reconciliation.resolve(requireStaff(req), req.params.id, req.body.reason, requestContext(req)));

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
