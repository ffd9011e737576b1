'use strict';

const express = require('express');
const { requestLogger } = require('./middleware/logger');
const { requireUser } = require('./middleware/auth');
const routes = require('./routes');

const API = '/api/v1';
const PORT = process.env.PORT || 3000;

const app = express();

app.disable('x-powered-by');
app.set('trust proxy', 1); // behind the load balancer: req.ip is the client's address
app.use(requestLogger);
// Admins import whole catalogues as JSON.
app.use(express.json({ limit: '50mb' }));

// Public
app.use(routes.health);
app.use(`${API}/products`, routes.products);

// CSV export for the accounting team
app.get(`${API}/orders/export`, routes.exportOrders);

// Signed-in customers
app.use(requireUser);
app.use(`${API}/orders`, routes.orders);
app.use(`${API}/admin`, routes.admin);

app.use((req, res) => {
  res.status(404).json({ error: 'not found' });
});

// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  const status = err.status || err.statusCode || 500;
  if (status >= 500) {
    console.error(err);
  }
  res.status(status).json({ error: status >= 500 ? 'internal error' : err.message });
});

const server = app.listen(PORT, () => {
  console.log(`shop-express listening on http://localhost:${PORT}`);
});

// Free idle sockets sooner.
server.keepAliveTimeout = 30000;

module.exports = { app, server };
