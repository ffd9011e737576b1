'use strict';

const health = require('./health');
const products = require('./products');
const orders = require('./orders');
const admin = require('./admin');

module.exports = {
  health,
  products,
  orders: orders.router,
  exportOrders: orders.exportOrders,
  admin,
};
