'use strict';

// In-memory data standing in for a real database.

const users = [
  { id: 'u1', email: 'ada@example.com', name: 'Ada', role: 'customer', token: 'token-ada' },
  { id: 'u2', email: 'grace@example.com', name: 'Grace', role: 'customer', token: 'token-grace' },
  { id: 'u3', email: 'linus@example.com', name: 'Linus', role: 'admin', token: 'token-linus' },
];

const products = [
  { id: 'p1', name: 'Espresso cup', priceCents: 1200, stock: 40 },
  { id: 'p2', name: 'Pour-over kettle', priceCents: 4900, stock: 12, featured: true },
  { id: 'p3', name: 'Burr grinder', priceCents: 12900, stock: 5, featured: true },
  { id: 'p4', name: 'Single-origin beans, 250 g', priceCents: 1450, stock: 80 },
];

const orders = [
  {
    id: 'o1001',
    userId: 'u1',
    items: [{ productId: 'p1', quantity: 2 }],
    totalCents: 2400,
    status: 'shipped',
    createdAt: '2025-03-02T10:15:00.000Z',
  },
  {
    id: 'o1002',
    userId: 'u2',
    items: [{ productId: 'p3', quantity: 1 }, { productId: 'p4', quantity: 2 }],
    totalCents: 15800,
    status: 'paid',
    createdAt: '2025-03-04T16:40:00.000Z',
  },
];

let nextOrderNumber = 1003;

function newOrderId() {
  const id = `o${nextOrderNumber}`;
  nextOrderNumber += 1;
  return id;
}

module.exports = { users, products, orders, newOrderId };
