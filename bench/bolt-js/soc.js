// Baseline: Bolt for JavaScript acking /soc with a fixed reply. Usage: node soc.js PORT REPLY_FILE
const { App, LogLevel } = require('@slack/bolt');
const fs = require('fs');
const reply = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // A fixed authorisation, so no request waits for auth.test (the bench has no network beyond loopback).
  authorize: async () => ({ botToken: 'xoxb-bench', botId: 'B0BENCH', botUserId: 'U0BENCH' }),
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
});
app.command('/soc', async ({ ack }) => { await ack(reply); });
app.start(Number(process.argv[2])).then(() => console.log('bolt-js listening'));
