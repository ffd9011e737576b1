'use strict';

const Fastify = require('fastify');

const API = '/api/v1';
const PORT = Number(process.env.PORT) || 3000;

const app = Fastify({
  logger: false,
  trustProxy: true, // behind the load balancer: request.ip is the client's address
  keepAliveTimeout: 30000, // free idle sockets sooner
  bodyLimit: 50 * 1024 * 1024, // admins import whole catalogues as JSON
});

app.register(require('./plugins/auth'));

// Public
app.get('/health', async () => ({ status: 'ok' }));
app.register(require('./routes/products'), { prefix: `${API}/products` });

// Signed-in customers
app.register(require('./routes/orders'), { prefix: `${API}/orders` });
app.register(require('./routes/exports'), { prefix: `${API}/orders` });
app.register(require('./routes/admin'), { prefix: `${API}/admin` });

if (require.main === module) {
  app.listen({ port: PORT }).then((address) => console.log(`shop-fastify listening on ${address}`));
}

module.exports = app;
