import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/** One message: always a plain-text part, optionally a simple HTML alternative. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/**
 * Outgoing e-mail over SMTP (`SMTP_URL`, e.g. `smtp://user:pass@mail.example.com:587`). Without
 * `SMTP_URL` the mailer is disabled: callers check `enabled` and keep their work for later, so
 * configuring SMTP afterwards delivers what is still due.
 */
export interface Mailer {
  readonly enabled: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtp'>): Mailer {
  const url = config.smtp.url;
  if (!url) {
    return {
      enabled: false,
      async send() {
        throw new Error('SMTP is not configured (SMTP_URL)');
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(url);
  return {
    enabled: true,
    async send(message) {
      await transport.sendMail({
        from: config.smtp.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
