'use strict';

const db = require('../db');

// Public catalogue.
module.exports = async function products(fastify) {
  fastify.get('/', async () => ({ items: db.products }));

  fastify.get('/:id', async (request, reply) => {
    const product = db.products.find((p) => p.id === request.params.id);
    if (!product) {
      return reply.code(404).send({ error: 'product not found' });
    }
    return product;
  });
};
