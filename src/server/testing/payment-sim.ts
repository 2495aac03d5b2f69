import { createServer } from "node:net";
import { startPaymentSimulator, type PaymentSimulator } from "../../simulators/payment/server";
import { startPostSimulator, type PostSimulator } from "../../simulators/post/server";
import type { Config } from "../config";
import { startTestApp, type TestApp } from "./test-app";

export const TEST_MERCHANT = "haoban-test";
export const TEST_PAYMENT_KEY = "test-payment-key-0123456789";
export const TEST_POST_KEY = "test-post-key-9876543210";

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const reserved = await reservePort();
  await reserved.release();
  return reserved.port;
}

/**
 * A port held until `release` (a listener on it): servers started meanwhile on port 0 cannot be given it,
 * so the caller can name it in configuration first and listen on it right after releasing it.
 */
export async function reservePort(): Promise<{ port: number; release: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ port, release: () => new Promise((done) => s.close(() => done())) });
    });
  });
}

/**
 * The test app listening on a real port, with the payment simulator (its own HTTP server) as its
 * payment platform: the cashier, the notifications and the queries go over HTTP as in the demo.
 * Notifications are retried quickly (0.2 s, 0.4 s, …) and refunds finish within 50 ms.
 */
export async function startWithPayments(overrides: Partial<Config> = {}, options: Parameters<typeof startTestApp>[1] = {}): Promise<{ t: TestApp; sim: PaymentSimulator; post: PostSimulator; port: number; close: () => Promise<void> }> {
  // Held while the simulators start on ports of their own (one of them could otherwise be given this one).
  const { port, release } = await reservePort();
  const sim = await startPaymentSimulator({ merchants: { [TEST_MERCHANT]: TEST_PAYMENT_KEY }, retryDelaysMs: [200, 400, 800, 1600, 3200], processingMs: 50 });
  // Parcels move only when a test moves them.
  const post = await startPostSimulator({ merchants: { [TEST_MERCHANT]: TEST_POST_KEY }, retryDelaysMs: [200, 400, 800, 1600], stepMs: 0 });
  const t = await startTestApp(
    {
      payment: { url: sim.url, merchantId: TEST_MERCHANT, key: TEST_PAYMENT_KEY, simulatorPort: 0, notifyUrl: `http://127.0.0.1:${port}/api/v1/payments/notify`, queryAfterMs: 600_000 },
      post: { url: post.url, merchantId: TEST_MERCHANT, key: TEST_POST_KEY, simulatorPort: 0, simulatorStepMs: 0, notifyUrl: `http://127.0.0.1:${port}/api/v1/deliveries/notify` },
      publicUrl: "http://localhost:5173",
      ...overrides,
    },
    options,
  );
  await release();
  await t.app.listen({ port, host: "127.0.0.1" });
  return {
    t,
    sim,
    post,
    port,
    close: async () => {
      await t.close();
      await sim.close();
      await post.close();
    },
  };
}

/** 黄浦's 居民身份证换领 (20 元 after acceptance in the demo): the item the payment and delivery tests apply for. */
export async function idCardRenewalItem(t: TestApp): Promise<string> {
  return (await t.database.db.selectFrom("catalogue_items as i").innerJoin("catalogue_base_items as b", "b.id", "i.base_item_id").select("i.id").where("b.basic_code", "=", "QR00003002").where("i.region_code", "=", "310101").executeTakeFirstOrThrow()).id;
}
