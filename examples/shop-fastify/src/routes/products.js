'use strict';

const db = require('../db');

// Public catalogue.
// The catalogue is the busiest endpoint: a response schema gives it a compiled serializer.
const product = {
  type: 'object',
  properties: { id: { type: 'string' }, name: { type: 'string' }, priceCents: { type: 'integer' }, stock: { type: 'integer' } },
};

module.exports = async function products(fastify) {
  fastify.get('/', { schema: { response: { 200: { type: 'object', properties: { items: { type: 'array', items: product } } } } } }, async () => ({ items: db.products }));

  fastify.get('/:id', { schema: { response: { 200: product } } }, async (request, reply) => {
    const product = db.products.find((p) => p.id === request.params.id);
    if (!product) {
      return reply.code(404).send({ error: 'product not found' });
    }
    return product;
  });
};
