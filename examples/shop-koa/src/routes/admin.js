const Router = require('@koa/router');
const db = require('../db');
const { requireUser, requireAdmin } = require('../middleware/auth');

const admin = new Router({ prefix: '/api/v1/admin' });

admin.get('/reports/sales', requireUser, requireAdmin, async (ctx) => {
  const byCustomer = db.salesByCustomer();
  ctx.body = { total: db.sales(), byCustomer: JSON.stringify(byCustomer) };
});

module.exports = admin;
