import { resetMailer } from "@vigil/email";
import { startSmtpReceiver, type SmtpReceiver } from "@vigil/email/testing";
import { afterAll, beforeAll } from "vitest";

/**
 * Sends the mail of the calling test file through a real SMTP receiver running in-process, started
 * before its tests and stopped after them. The returned receiver can be used inside tests.
 */
export function useSmtpReceiver(): SmtpReceiver {
  let receiver: SmtpReceiver | undefined;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    process.env.SMTP_URL = receiver.url;
    resetMailer();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetMailer();
    await receiver?.close();
  });
  const current = (): SmtpReceiver => {
    if (!receiver) throw new Error("the SMTP receiver starts in beforeAll: use it inside a test");
    return receiver;
  };
  return {
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    waitFor: (to, timeoutMs) => current().waitFor(to, timeoutMs),
    close: () => current().close(),
  };
}
