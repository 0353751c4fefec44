/** Opening PyHire's Home tab publishes the Home view for that user. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { homeView } from '../../render/views.ts';
import type { ListenerDeps } from '../deps.ts';

export const appHomeOpenedEvent =
  ({ knowledge }: ListenerDeps) =>
  async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home' || typeof event.user !== 'string') return;
    await client.views.publish({ user_id: event.user, view: homeView(knowledge) });
  };
