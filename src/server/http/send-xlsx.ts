import type { FastifyReply } from "fastify";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An Excel workbook (.xlsx) as a download. */
export function sendXlsx(reply: FastifyReply, fileName: string, body: Buffer) {
  return reply.header("content-type", XLSX_TYPE).header("content-disposition", `attachment; filename="${fileName}"`).send(body);
}
