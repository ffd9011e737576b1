'use strict';

// In-memory data standing in for a real database.

const users = [
  { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'customer', token: 'token-ada' },
  { id: 'u3', email: 'linus@example.com', name: 'Linus', role: 'admin', token: 'token-linus' },
];

const products = [
  { id: 'p1', name: 'Espresso cup', priceCents: 1200, stock: 40 },
  { id: 'p2', name: 'Pour-over kettle', priceCents: 4900, stock: 12 },
];

const orders = [
  { id: 'o1001', userId: 'u1', items: [{ productId: 'p1', quantity: 2 }], totalCents: 2400, status: 'shipped' },
];

module.exports = { users, products, orders };
