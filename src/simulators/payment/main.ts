import { loadConfig } from "../../server/config";
import { startPaymentSimulator } from "./server";

/** `npm run sim:payment`: the payment simulator on its own (the platform then runs with HAOBAN_PAYMENT_URL set to it). */
const config = loadConfig();
const sim = await startPaymentSimulator({ port: config.payment.simulatorPort, host: process.env.HOST ?? "127.0.0.1", merchants: { [config.payment.merchantId]: config.payment.key } });
console.log(`payment simulator at ${sim.url} (cashier ${sim.url}/cashier/…, bank counter ${sim.url}/bank)`);
const stop = () => void sim.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
