const Router = require('@koa/router');
const db = require('../db');
const { requireUser } = require('../middleware/auth');

const orders = new Router({ prefix: '/api/v1/orders' });

// Registered before router.use(requireUser): a router's use() guards only the routes after it.
orders.get('/export', async (ctx) => {
  ctx.type = 'text/csv';
  ctx.body = db.orders('ada').map(o => `${o.id},${o.total}`).join('\n');
});

orders.use(requireUser);
orders.get('/', async (ctx) => { ctx.body = db.orders(ctx.state.user.sub); });
orders.get('/:id', async (ctx) => { ctx.body = db.order(ctx.state.user.sub, ctx.params.id); });
orders.post('/', async (ctx) => {
  ctx.status = 201;
  ctx.body = db.addOrder(ctx.state.user.sub, ctx.request.body.items);
});

module.exports = orders;
