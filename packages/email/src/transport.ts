import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export type OutgoingMail = { to: string; subject: string; text: string; html?: string };

export type Mailer = { send: (mail: OutgoingMail) => Promise<void> };

const DEFAULT_FROM = "Vigil <no-reply@vigil.localhost>";

/**
 * SMTP when SMTP_URL is set (e.g. smtp://user:pass@smtp.example.org:587); otherwise each message
 * is written as an .eml file to the local outbox folder (`.vigil/outbox` by default), which a
 * developer opens with any mail program or reads as text.
 */
export function createMailer(options: { smtpUrl?: string; outboxDir: string; from?: string }): Mailer {
  const from = options.from ?? process.env.MAIL_FROM ?? DEFAULT_FROM;
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return { send: async (mail) => void (await transport.sendMail({ from, ...mail })) };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    send: async (mail) => {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(options.outboxDir, { recursive: true });
      const file = path.join(options.outboxDir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.to}.eml`);
      await writeFile(file, info.message as Buffer);
    },
  };
}

let defaultMailer: Mailer | undefined;

type MailOutcomeListener = (outcome: "sent" | "failed") => void;
let outcomeListener: MailOutcomeListener | undefined;

/** One listener (the metrics module's, apps/web/server/metrics.ts) hears whether each mail went out. */
export function onMailOutcome(listener: MailOutcomeListener): void {
  outcomeListener = listener;
}

/** The process's mailer, configured from the environment; every send is counted as sent or failed. */
export function mailer(): Mailer {
  if (!defaultMailer) {
    const transport = createMailer({
      smtpUrl: process.env.SMTP_URL,
      outboxDir: process.env.MAIL_OUTBOX_DIR ?? path.join(process.env.VIGIL_DATA_DIR ?? ".vigil", "outbox"),
    });
    defaultMailer = {
      send: async (mail) => {
        try {
          await transport.send(mail);
        } catch (error) {
          outcomeListener?.("failed");
          throw error;
        }
        outcomeListener?.("sent");
      },
    };
  }
  return defaultMailer;
}

/** Forget the cached mailer (tests change SMTP_URL between runs). */
export function resetMailer(): void {
  defaultMailer = undefined;
}
