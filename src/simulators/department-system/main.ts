/**
 * The demo department system as its own process (`npm run demo:department`; `npm start` starts it beside
 * the platform): HAOBAN_URL, HAOBAN_DEMO_CLIENT_ID / HAOBAN_DEMO_CLIENT_SECRET, HAOBAN_DEMO_ITEMS (comma-separated
 * item ids), HAOBAN_DEMO_SYSTEM_PORT.
 */
import { startDepartmentSystem } from "./server";

const env = process.env;
const system = await startDepartmentSystem({
  platformUrl: env.HAOBAN_URL ?? "http://127.0.0.1:3000",
  clientId: env.HAOBAN_DEMO_CLIENT_ID ?? "",
  clientSecret: env.HAOBAN_DEMO_CLIENT_SECRET ?? "",
  itemIds: (env.HAOBAN_DEMO_ITEMS ?? "").split(",").filter(Boolean),
  port: Number(env.HAOBAN_DEMO_SYSTEM_PORT ?? 3103),
  certificateData: () => ({ reason: "首次申领" }),
  log: (line) => console.log(`[部门业务系统] ${line}`),
});
console.log(`[部门业务系统] listening at ${system.url}`);
const stop = async () => {
  await system.close();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
