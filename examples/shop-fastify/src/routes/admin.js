'use strict';

const db = require('../db');

function requireAdmin(request, reply, done) {
  if (!request.user || request.user.role !== 'admin') {
    return reply.code(403).send({ error: 'forbidden' });
  }
  done();
}

// Admin reports: each route names its own hooks.
module.exports = async function admin(fastify) {
  fastify.get('/reports/sales', { onRequest: [fastify.authenticate], preHandler: requireAdmin }, async () => {
    const totalCents = db.orders.reduce((sum, o) => sum + o.totalCents, 0);
    return { orders: db.orders.length, totalCents };
  });
};
