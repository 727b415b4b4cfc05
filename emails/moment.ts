/**
 * A moment as a message carries it: the instant and the time zone to show it in. The template
 * formats it in the language the message is written in (a string formatted by the caller would
 * be English whatever the recipient reads). No imports: the server builds these without loading
 * the templates.
 */
export interface EmailMoment {
  at: string;
  timeZone: string;
}

export function emailMoment(at: Date | string, timeZone = "UTC"): EmailMoment {
  return { at: new Date(at).toISOString(), timeZone };
}
