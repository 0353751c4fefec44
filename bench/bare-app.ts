/** The baseline for the load benchmark: a bare Bolt app on the same receiver that answers a constant. */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  deferInitialization: true,
});
// BARE_COMMAND_BYTES / BARE_MENTION_BYTES pad the constant to the size of PyHire's real answers.
const padded = (bytes: number) =>
  'A constant answer. '.repeat(Math.max(1, Math.ceil(bytes / 19))).slice(0, Math.max(18, bytes));
const commandText = padded(Number(process.env.BARE_COMMAND_BYTES ?? 0) - 120);
const mentionText = padded(Number(process.env.BARE_MENTION_BYTES ?? 0) - 120);
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } }) as const;
app.command(/.*/, async ({ ack }) =>
  ack({ response_type: 'ephemeral', text: 'A constant answer.', blocks: [section(commandText)] }),
);
app.event('app_mention', async ({ event, client }) => {
  await client.chat.postMessage({
    channel: event.channel,
    thread_ts: event.thread_ts ?? event.ts,
    text: 'A constant answer.',
    blocks: [section(mentionText)],
  });
});
await app.init();
await app.start(Number(process.env.PORT ?? 3000));
process.once('SIGTERM', () => void app.stop().then(() => process.exit(0)));
