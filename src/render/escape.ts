/** Text safety for Slack: escaping mrkdwn control characters and keeping within length limits. */

/** Escapes `&`, `<`, `>` so text can never form a mention, a channel ping or a link in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undoes Slack's own escaping of incoming text (`&lt;` → `<`), so matching sees what the user typed. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  // Never leave half of a surrogate pair or a dangling entity (`&am`) at the cut.
  return `${cut.replace(/[\uD800-\uDBFF]$/, '').replace(/&[a-z]{0,4}$/, '')}…`;
}

/** User text shown back in a reply: single line, bounded, and escaped. */
export function quoteUserText(text: string, max = 80): string {
  const oneLine = text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control and bidi characters is the point.
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return escapeMrkdwn(truncate(oneLine, max));
}

/** A Slack user mention, only when the id really is a user id. */
export function mentionUser(userId: string | undefined): string {
  return userId && /^[UW][A-Z0-9]{2,30}$/.test(userId) ? `<@${userId}>` : 'someone';
}
