import type { FastifyPluginAsync } from "fastify";
import { performanceEndpoints as api } from "../../../shared/api/performance";
import { requireStaff } from "../../http/auth-plugin";
import { route } from "../../http/endpoints";
import type { PerformanceService } from "./performance.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const performanceRoutes: FastifyPluginAsync<{ performance: PerformanceService }> = async (app, { performance }) => {
  route(app, api.getSupervisionPerformance, async (req) => performance.dashboard(requireStaff(req), req.query));
  route(app, api.getSupervisionPerformanceCases, async (req) => performance.cases(requireStaff(req), req.query));
  route(app, api.getSupervisionPerformanceExport, async (req, reply) => {
    const buffer = await performance.export(requireStaff(req), req.query);
    return reply.header("content-type", XLSX).header("content-disposition", `attachment; filename="performance-${req.query.from}-${req.query.to}.xlsx"`).send(buffer);
  });
};
