/** Opening PyHire's Home tab publishes the Home view for that user; editors and admins also see the report. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../render/views.ts';
import type { ListenerDeps } from '../deps.ts';

/** Days the Home tab's report covers. */
export const REPORT_DAYS = 30;

export const appHomeOpenedEvent =
  ({ knowledge, store, editors = [] }: ListenerDeps) =>
  async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    let report:
      | { days: number; report: NonNullable<Awaited<ReturnType<NonNullable<typeof store>['report']>>> }
      | undefined;
    if (store && (editors.includes(event.user) || (await isAdmin(client, event.user, logger)))) {
      const since = new Date(Date.now() - REPORT_DAYS * 24 * 60 * 60 * 1000);
      const read = await store.report(since);
      if (read) report = { days: REPORT_DAYS, report: read };
    }
    await client.views.publish({ user_id: event.user, view: homeView({ ...knowledge, report }) });
    await store?.recordUse('home');
  };

/** Workspace admins and owners see the report too (users.info, scope users:read); unknown counts as no. */
async function isAdmin(
  client: AllMiddlewareArgs['client'],
  user: string,
  logger: AllMiddlewareArgs['logger'],
): Promise<boolean> {
  try {
    const info = await client.users.info({ user });
    return Boolean(info.user?.is_admin || info.user?.is_owner);
  } catch (error) {
    logger.debug('could not tell whether a user is an admin', {
      error: (error as { data?: { error?: string } }).data?.error ?? (error as Error).message,
    });
    return false;
  }
}
