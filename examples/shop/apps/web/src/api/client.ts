import type { Book, CartLine, Order } from '@shop/shared';

const baseUrl = import.meta.env.VITE_API_URL ?? '/api';

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = localStorage.getItem('shop.token');
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
  if (!response.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path} failed with ${response.status}`);
  }
  return (await response.json()) as T;
}

export function fetchBooks(): Promise<Book[]> {
  return request<Book[]>('/books');
}

export function fetchRecommendations(): Promise<Book[]> {
  return request<Book[]>('/books/recommended');
}

export async function login(email: string, password: string): Promise<void> {
  const { token } = await request<{ token: string }>('/auth/login', {
    method: 'POST',
    body: JSON.stringify({ email, password }),
  });
  localStorage.setItem('shop.token', token);
}

export function placeOrder(lines: CartLine[]): Promise<Order> {
  return request<Order>('/orders', {
    method: 'POST',
    body: JSON.stringify({ lines: lines.map(({ bookId, quantity }) => ({ bookId, quantity })) }),
  });
}
