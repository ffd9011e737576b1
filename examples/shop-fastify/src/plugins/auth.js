'use strict';

const fp = require('fastify-plugin');
const db = require('../db');

// Wrapped in fastify-plugin, so `fastify.authenticate` is visible to the app and every plugin
// registered after this one. It protects nothing by itself: a context must add it as a hook.
module.exports = fp(async function auth(fastify) {
  fastify.decorateRequest('user', null);

  fastify.decorate('authenticate', async function authenticate(request, reply) {
    const header = request.headers.authorization;
    const token = header && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
    const user = token ? db.users.find((u) => u.token === token) : undefined;
    if (!user) {
      return reply.code(401).send({ error: 'unauthorized' });
    }
    request.user = { id: user.id, name: user.name, role: user.role };
  });
});
