import type { FastifyPluginAsync } from "fastify";
import { performanceEndpoints as api } from "../../../shared/api/performance";
import { requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import { sendXlsx } from "../../http/send-xlsx";
import type { PerformanceService } from "./performance.service";

export const performanceRoutes: FastifyPluginAsync<{ performance: PerformanceService; publicRateLimitPerMinute: number }> = async (app, { performance, publicRateLimitPerMinute }) => {
  const publicLimit = { config: { rateLimit: { max: publicRateLimitPerMinute, timeWindow: "1 minute" } } };
  route(app, api.getPublicPerformance, async (req) => performance.publicFigures(req.query.month), publicLimit);
  route(
    app,
    api.getPublicPerformanceDownload,
    async (req, reply) => {
      const name = `performance-${req.query.month}`;
      if (req.query.format === "json") return reply.header("content-type", "application/json; charset=utf-8").header("content-disposition", `attachment; filename="${name}.json"`).send(JSON.stringify(await performance.publicFigures(req.query.month), null, 2));
      return reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${name}.csv"`).send(await performance.publicCsv(req.query.month));
    },
    publicLimit,
  );
  route(app, api.getSupervisionPerformance, async (req) => performance.dashboard(requireStaff(req), req.query));
  route(app, api.getSupervisionPerformanceCases, async (req) => performance.cases(requireStaff(req), req.query));
  route(app, api.getSupervisionPerformanceExport, async (req, reply) => {
    const buffer = await performance.export(requireStaff(req), req.query);
    return sendXlsx(reply, `performance-${req.query.from}-${req.query.to}.xlsx`, buffer);
  });
};
