const Koa = require('koa');
const Router = require('@koa/router');
const { bodyParser } = require('@koa/bodyparser');
const { timing } = require('./middleware/timing');
const products = require('./routes/products');
const orders = require('./routes/orders');
const admin = require('./routes/admin');

const app = new Koa({ proxy: true }); // behind the load balancer: ctx.ip is the client's address
const health = new Router();
health.get('/health', async (ctx) => { ctx.body = { ok: true }; });

app.use(timing);
// Admins import whole catalogues as JSON.
app.use(bodyParser({ jsonLimit: '50mb' }));
app.use(health.routes());
app.use(products.routes());
app.use(orders.routes());
app.use(orders.allowedMethods());
app.use(admin.routes());

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => console.log(`shop-koa on http://localhost:${port}`));
