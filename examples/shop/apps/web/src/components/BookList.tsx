import type { Book } from '@shop/shared';
import { formatMoney } from '@shop/shared';

interface BookListProps {
  books: Book[];
  onAdd: (book: Book) => void;
}

export function BookList({ books, onAdd }: BookListProps) {
  if (books.length === 0) return <p>No books yet.</p>;
  return (
    <ul className="books">
      {books.map((book) => (
        <li key={book.id}>
          <strong>{book.title}</strong> by {book.author} — {formatMoney(book.price)}
          <button type="button" onClick={() => onAdd(book)} disabled={book.stock === 0}>
            Add to cart
          </button>
        </li>
      ))}
    </ul>
  );
}
