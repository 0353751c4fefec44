/** Reads payload fields without trusting their types: Slack's payloads are typed, but a request may not be. */

/** The field when it is a string, else `fallback`: an array or object where text belongs reads as none. */
export const stringField = (value: unknown, fallback = ''): string =>
  typeof value === 'string' ? value : fallback;

/** True for a message written by a bot or an app (including PyHire itself): those are never answered. */
export const isFromBot = (event: { bot_id?: unknown; subtype?: unknown; bot_profile?: unknown }): boolean =>
  Boolean(event.bot_id) || event.subtype === 'bot_message' || Boolean(event.bot_profile);
