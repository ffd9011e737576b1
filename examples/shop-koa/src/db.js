// In-memory data for the sample: enough to answer every endpoint.
const products = [
  { id: 1, name: 'Kettle', price: 39 },
  { id: 2, name: 'Teapot', price: 24, featured: true },
];
const orders = [{ id: 1, customer: 'ada', items: [1], total: 39 }];

module.exports = {
  products: () => products,
  product: id => products.find(p => p.id === Number(id)),
  orders: customer => orders.filter(o => o.customer === customer),
  order: (customer, id) => orders.find(o => o.customer === customer && o.id === Number(id)),
  addOrder: (customer, items) => {
    const order = { id: orders.length + 1, customer, items, total: 0 };
    orders.push(order);
    return order;
  },
  sales: () => orders.reduce((sum, o) => sum + o.total, 0),
  salesByCustomer: () => orders.reduce((by, o) => ({ ...by, [o.customer]: (by[o.customer] || 0) + o.total }), {}),
};
