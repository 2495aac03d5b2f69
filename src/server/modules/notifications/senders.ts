import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { MOBILE_PATTERN } from "../../../shared/validation/mobile";

/** A failure the provider reports; `permanent` ones are not retried (a wrong number stays wrong). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** The SMS gateway adapter. */
export interface SmsSender {
  send(mobile: string, text: string): Promise<{ providerId: string }>;
}

/** The e-mail adapter. */
export interface EmailSender {
  send(to: string, subject: string, text: string): Promise<{ providerId: string }>;
}

/**
 * A local stand-in for an SMS gateway that behaves like one: it checks the number and the signature
 * (【好办】), counts 70-character segments, refuses more than `perMinute` messages per number in a
 * minute, assigns a message id, and writes every accepted message to a JSON-lines file (and keeps the
 * latest in memory) so that developers and tests can read what would have been sent.
 */
export class SimulatedSms implements SmsSender {
  readonly sent: Array<{ providerId: string; mobile: string; text: string; segments: number; at: string }> = [];
  private readonly recent = new Map<string, number[]>();
  constructor(
    private readonly file: string | null,
    private readonly perMinute = 5,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(mobile: string, text: string) {
    if (!MOBILE_PATTERN.test(mobile)) throw new DeliveryError(`invalid mobile number`, true);
    if (!text.startsWith("【好办】")) throw new DeliveryError("missing signature", true);
    const t = this.now().getTime();
    const times = (this.recent.get(mobile) ?? []).filter((x) => t - x < 60_000);
    if (times.length >= this.perMinute) throw new DeliveryError("rate limited by the gateway", false);
    this.recent.set(mobile, [...times, t]);
    const record = { providerId: `SIM${randomUUID().replaceAll("-", "").slice(0, 20)}`, mobile, text, segments: Math.ceil(text.length / 70), at: new Date(t).toISOString() };
    this.sent.push(record);
    if (this.sent.length > 1000) this.sent.shift();
    if (this.file) {
      await mkdir(path.dirname(this.file), { recursive: true });
      await appendFile(this.file, `${JSON.stringify(record)}\n`);
    }
    return { providerId: record.providerId };
  }
}

/** E-mail over SMTP (or any nodemailer transport), from a fixed sender address. */
export class NodemailerEmail implements EmailSender {
  private readonly transport: Transporter;
  constructor(transport: string | Transporter | Parameters<typeof nodemailer.createTransport>[0], private readonly from: string) {
    this.transport = typeof transport === "object" && "sendMail" in transport ? (transport as Transporter) : nodemailer.createTransport(transport as string);
  }

  async send(to: string, subject: string, text: string) {
    try {
      const info = await this.transport.sendMail({ from: this.from, to, subject, text });
      return { providerId: String(info.messageId) };
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      throw new DeliveryError(err instanceof Error ? err.message : String(err), code !== undefined && code >= 500 && code < 600);
    }
  }
}
