import { outboundCallWithoutTimeout } from '../../../src/rules/outbound-call-without-timeout';
import { runRuleTests } from './rule-tester';
import { EXPRESS, FASTIFY, KOA } from './rule-apps';

runRuleTests(outboundCallWithoutTimeout, {
  valid: [
    {
      name: 'Express: fetch with an abort signal, axios with a timeout',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const axios = require('axios');
const app = express();
app.get('/rates', async (req, res) => {
  const r = await fetch('https://rates.example/today', { signal: AbortSignal.timeout(5000) });
  const fx = await axios.get('https://fx.example', { timeout: 5000 });
  res.json({ rates: await r.json(), fx: fx.data });
});
`,
      },
    },
    {
      name: 'Express: an axios instance created with a timeout (client-level default)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const axios = require('axios');
const billing = axios.create({ baseURL: 'https://billing.example', timeout: 3000 });
const app = express();
app.post('/pay', async (req, res) => { res.json((await billing.post('/charges', { amount: 5 })).data); });
`,
      },
    },
    {
      name: 'options the rule cannot read are not reported (a variable, a spread)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const axios = require('axios');
const opts = require('./http-options');
const app = express();
app.get('/a', async (req, res) => { res.json((await axios.get('https://a.example', opts)).data); });
app.get('/b', async (req, res) => { res.json(await (await fetch('https://b.example', { ...opts })).json()); });
`,
        'http-options.js': 'module.exports = { timeout: 1000 };\n',
      },
    },
    {
      name: 'a fetch at startup is not on a request path',
      files: {
        'package.json': FASTIFY,
        'app.js': `const fastify = require('fastify')();
const config = fetch('https://config.example');
fastify.get('/', async () => ({ ok: true }));
`,
      },
    },
  ],
  invalid: [
    {
      name: 'Express: fetch without a signal (the suggestion adds one)',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const app = express();
app.get('/weather', async (req, res) => {
  const r = await fetch('https://weather.example/today');
  res.json(await r.json());
});
`,
      },
      errors: [{
        messageId: 'noTimeout', file: 'app.js', line: 4, column: 19,
        data: { client: 'fetch', route: 'GET /weather', through: '', wait: "up to 300 s for headers and 300 s more for the body (undici's defaults)" },
        suggestionOutput: `const express = require('express');
const app = express();
app.get('/weather', async (req, res) => {
  const r = await fetch('https://weather.example/today', { signal: AbortSignal.timeout(10_000) });
  res.json(await r.json());
});
`,
      }],
    },
    {
      name: 'Express: axios.post in a helper the handler calls, data object left alone by the suggestion',
      files: {
        'package.json': EXPRESS,
        'app.js': `const express = require('express');
const axios = require('axios');
function notify(order) { return axios.post('https://hooks.example/orders', { id: order.id }); }
const app = express();
app.post('/orders', express.json(), async (req, res) => { await notify(req.body); res.status(201).end(); });
`,
      },
      errors: [{
        messageId: 'noTimeout', file: 'app.js', line: 3, column: 33,
        data: { client: 'axios', route: 'POST /orders', through: ' (reached through notify)', wait: 'as long as the connection stays open' },
        suggestionOutput: `const express = require('express');
const axios = require('axios');
function notify(order) { return axios.post('https://hooks.example/orders', { id: order.id }, { timeout: 10_000 }); }
const app = express();
app.post('/orders', express.json(), async (req, res) => { await notify(req.body); res.status(201).end(); });
`,
      }],
    },
    {
      name: 'Fastify: an axios instance created without a timeout',
      files: {
        'package.json': FASTIFY,
        'app.js': `const fastify = require('fastify')();
const axios = require('axios');
const github = axios.create({ baseURL: 'https://api.github.com' });
fastify.get('/repos', async () => (await github.get('/users/octocat/repos', { headers: { accept: 'application/json' } })).data);
`,
      },
      errors: [{
        messageId: 'noTimeout', file: 'app.js', line: 4, column: 42,
        data: { client: 'axios', route: 'GET /repos', through: '', wait: 'as long as the connection stays open' },
        suggestionOutput: `const fastify = require('fastify')();
const axios = require('axios');
const github = axios.create({ baseURL: 'https://api.github.com' });
fastify.get('/repos', async () => (await github.get('/users/octocat/repos', { headers: { accept: 'application/json' }, timeout: 10_000 })).data);
`,
      }],
    },
    {
      name: 'Koa: got and undici.request without timeouts',
      files: {
        'package.json': KOA,
        'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const got = require('got');
const { request } = require('undici');
const app = new Koa();
const router = new Router();
router.get('/a', async ctx => { ctx.body = await got('https://a.example').json(); });
router.get('/b', async ctx => { ctx.body = await (await request('https://b.example')).body.json(); });
app.use(router.routes());
`,
      },
      errors: [
        { messageId: 'noTimeout', file: 'app.js', line: 7, column: 50, data: { client: 'got', route: 'GET /a', through: '', wait: 'as long as the connection stays open' } },
        { messageId: 'noTimeout', file: 'app.js', line: 8, column: 57, data: { client: 'undici', route: 'GET /b', through: '', wait: "up to 300 s for headers and 300 s more for the body (undici's defaults)" } },
      ],
    },
  ],
});
