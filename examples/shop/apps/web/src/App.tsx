import { useEffect, useState } from 'react';
import type { Book, CartLine } from '@shop/shared';
import { fetchBooks, fetchRecommendations, placeOrder } from './api/client';
import { BookList } from './components/BookList';
import { Cart } from './components/Cart';

export function App() {
  const [books, setBooks] = useState<Book[]>([]);
  const [recommended, setRecommended] = useState<Book[]>([]);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    fetchBooks().then(setBooks).catch(() => setMessage('Could not load the catalogue.'));
    fetchRecommendations().then(setRecommended).catch(() => setRecommended([]));
  }, []);

  function addToCart(book: Book) {
    setCart((lines) => {
      const existing = lines.find((line) => line.bookId === book.id);
      if (existing) {
        return lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line));
      }
      return [...lines, { bookId: book.id, title: book.title, unitPrice: book.price, quantity: 1 }];
    });
  }

  async function checkout() {
    const order = await placeOrder(cart);
    setCart([]);
    setMessage(`Order ${order.id} placed. A confirmation email is on its way.`);
  }

  return (
    <main>
      <h1>Shop</h1>
      {message && <p role="status">{message}</p>}
      {recommended.length > 0 && (
        <section>
          <h2>Recommended for you</h2>
          <BookList books={recommended} onAdd={addToCart} />
        </section>
      )}
      <section>
        <h2>Catalogue</h2>
        <BookList books={books} onAdd={addToCart} />
      </section>
      <Cart lines={cart} onCheckout={checkout} />
    </main>
  );
}
