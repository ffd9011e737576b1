'use strict';

const fs = require('node:fs');
const path = require('node:path');
const db = require('../db');

const INVOICE_DIR = path.join(__dirname, '..', '..', 'invoices');

// Signed-in customers: the hook covers every route of this plugin, and no other plugin's.
module.exports = async function orders(fastify) {
  fastify.addHook('onRequest', fastify.authenticate);

  fastify.get('/', async (request) => {
    const mine = db.orders.filter((o) => o.userId === request.user.id);
    return { items: mine, count: mine.length };
  });

  fastify.get('/:id', async (request, reply) => {
    const order = db.orders.find((o) => o.id === request.params.id && o.userId === request.user.id);
    if (!order) {
      return reply.code(404).send({ error: 'order not found' });
    }
    return order;
  });

  fastify.get('/:id/invoice', async (request, reply) => {
    const order = db.orders.find((o) => o.id === request.params.id && o.userId === request.user.id);
    if (!order) {
      return reply.code(404).send({ error: 'order not found' });
    }
    const pdf = await fs.promises.readFile(path.join(INVOICE_DIR, `${order.id}.pdf`));
    return reply.type('application/pdf').send(pdf);
  });
};
