'use strict';

const db = require('../db');

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
};
