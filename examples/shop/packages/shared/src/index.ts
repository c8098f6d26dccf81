export type { Money } from './money.js';
export { formatMoney, lineTotal, sumMoney } from './money.js';

export interface Book {
  id: string;
  title: string;
  author: string;
  isbn: string;
  /** Price in cents. */
  price: number;
  stock: number;
  coverUrl?: string;
}

export interface CartLine {
  bookId: string;
  title: string;
  unitPrice: number;
  quantity: number;
}

export type OrderStatus = 'pending' | 'fulfilled' | 'cancelled';

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  total: number;
  createdAt: string;
}

/** Message published on the "orders.created" queue and consumed by the fulfilment worker. */
export interface OrderCreatedEvent {
  orderId: string;
  customerEmail: string;
  lines: { bookId: string; quantity: number }[];
}
