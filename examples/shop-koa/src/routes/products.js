const Router = require('@koa/router');
const db = require('../db');

const products = new Router({ prefix: '/api/v1/products' });

products.get('/', async (ctx) => { ctx.body = db.products(); });
products.get('/:id', async (ctx) => {
  const product = db.product(ctx.params.id);
  if (!product) ctx.throw(404);
  ctx.body = product;
});

// The home page's picks.
products.get('/featured', async (ctx) => { ctx.body = db.products().filter(p => p.featured); });

module.exports = products;
