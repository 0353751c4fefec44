/** The local console: the same answers as Slack, rendered as text, one line in and one answer out. */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { answerMention, answerRoleQuery, answerTermQuery, type Knowledge } from './knowledge/index.ts';
import { mentionAnswerToText, roleAnswerToText, termAnswerToText } from './render/text.ts';

export const CONSOLE_HELP = [
  'PyHire console: the Slack answers, as text.',
  '  /pyterm <term>    explain a Python tool or concept (e.g. /pyterm djnago)',
  '  /pyrole <role>    an interview kit for a role (e.g. /pyrole data engineer)',
  '  anything else     read as an @PyHire mention (e.g. what is dbt?)',
  '  exit              leave',
].join('\n');

/** Answers one console line; returns undefined for a blank line. */
export function answerConsoleLine(knowledge: Knowledge, line: string): string | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  const command = /^\/(\w+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!command) return mentionAnswerToText(answerMention(knowledge, text));
  const [, name = '', rest = ''] = command;
  switch (name.toLowerCase()) {
    case 'pyterm':
      return termAnswerToText(answerTermQuery(knowledge, rest));
    case 'pyrole':
      return roleAnswerToText(answerRoleQuery(knowledge, rest));
    case 'help':
      return CONSOLE_HELP;
    default:
      return `Unknown command /${name}. ${CONSOLE_HELP}`;
  }
}

/** Runs the console over `input` until it ends or the user types exit; interactive when it is a terminal. */
export async function runConsole(
  knowledge: Knowledge,
  input: Readable,
  output: Writable,
  interactive: boolean,
): Promise<void> {
  const lines = createInterface({ input, terminal: interactive, ...(interactive ? { output } : {}) });
  // The reader went away (`npm start | head`): stop reading and end quietly, as command-line tools do.
  let closed = false;
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
    lines.close();
  });
  const write = (text: string) => {
    if (!closed) output.write(`${text}\n`);
  };
  if (interactive) {
    write(`${CONSOLE_HELP}\n`);
    lines.setPrompt('pyhire> ');
    lines.prompt();
  }
  let first = true;
  for await (const line of lines) {
    if (closed || /^(exit|quit|\\q)$/i.test(line.trim())) break;
    const answer = answerConsoleLine(knowledge, line);
    if (answer !== undefined) {
      write(`${first || interactive ? '' : '\n'}${answer}`);
      first = false;
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}
