/** manifest.yml is a valid Slack app manifest and declares exactly the listeners the code registers. */
import { readFileSync } from 'node:fs';
import { App } from '@slack/bolt';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { createApp } from '../src/app.ts';
import { parseConfig } from '../src/config.ts';
import { COMMANDS, EVENTS } from '../src/listeners/index.ts';
import { SHORTCUTS } from '../src/listeners/shortcuts/check.ts';
import { createLogger } from '../src/logger.ts';
import { realKnowledge } from './support/test-app.ts';

interface Manifest {
  features: {
    slash_commands: { command: string; description: string; usage_hint?: string }[];
    app_home: Record<string, boolean>;
    shortcuts: { name: string; type: string; callback_id: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifestText = readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8');
const manifest = parse(manifestText) as Manifest;
const schema = JSON.parse(
  readFileSync(new URL('./fixtures/slack/manifest.schema.1.0.0.json', import.meta.url), 'utf8'),
);

/** Validator for Slack's schema; its non-standard `regex` keyword is enforced as a pattern. */
function manifestValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
  });
  return ajv.compile(schema);
}

/** Registers the real listeners on a real Bolt App and records what was registered. */
function registeredListeners() {
  const commands = vi.spyOn(App.prototype, 'command');
  const events = vi.spyOn(App.prototype, 'event');
  const actions = vi.spyOn(App.prototype, 'action');
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  });
  if (config.mode !== 'http') throw new Error('expected http');
  createApp({ config, knowledge: realKnowledge(), logger: createLogger('error', () => {}) });
  return {
    // Named registrations; the command and button routers are registered with a catch-all RegExp.
    commands: commands.mock.calls.map((call) => call[0]).filter((name) => typeof name === 'string'),
    events: events.mock.calls.map((call) => call[0]).filter((name) => typeof name === 'string'),
    actions: actions.mock.calls.length,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('manifest.yml', () => {
  it("validates against Slack's manifest JSON Schema", () => {
    const validate = manifestValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator really rejects a misspelt key and a bad colour', () => {
    const validate = manifestValidator();
    expect(validate({ ...manifest, settings: { ...manifest.settings, socket_mode_enable: true } })).toBe(
      false,
    );
    expect(
      validate({ ...manifest, display_information: { name: 'PyHire', background_color: 'blue!!' } }),
    ).toBe(false);
  });

  it('declares every command the code routes, and no other', () => {
    const declared = manifest.features.slash_commands.map((c) => c.command).sort();
    expect(Object.keys(COMMANDS).sort()).toEqual(declared);
    expect(registeredListeners().commands).toEqual([]); // all commands go through the one router
    for (const command of manifest.features.slash_commands) expect(command.usage_hint).toBeTruthy();
  });

  it('subscribes to every event the code listens to, and no other', () => {
    const declared = [...manifest.settings.event_subscriptions.bot_events].sort();
    expect(registeredListeners().events.sort()).toEqual(declared);
    // Other events are acknowledged before Bolt, so this list must name every event listened to.
    expect([...EVENTS].sort()).toEqual(declared);
  });

  it('turns on interactivity (the code has button listeners), Socket Mode and the Home tab', () => {
    expect(registeredListeners().actions).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('declares the message and global shortcuts the code listens to', () => {
    const shortcuts = manifest.features.shortcuts.map((s) => `${s.type}:${s.callback_id}`).sort();
    expect(shortcuts).toEqual([`global:${SHORTCUTS.checkText}`, `message:${SHORTCUTS.checkMessage}`]);
  });

  it('asks for the scopes its calls need', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'files:read']),
    );
  });
});
