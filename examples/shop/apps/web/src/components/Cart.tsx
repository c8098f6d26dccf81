import type { CartLine } from '@shop/shared';
import { formatMoney, lineTotal, sumMoney } from '@shop/shared';

interface CartProps {
  lines: CartLine[];
  onCheckout: () => void;
}

export function Cart({ lines, onCheckout }: CartProps) {
  if (lines.length === 0) return null;
  const total = sumMoney(lines.map(lineTotal));
  return (
    <aside>
      <h2>Cart</h2>
      <ul>
        {lines.map((line) => (
          <li key={line.bookId}>
            {line.quantity} × {line.title} — {formatMoney(lineTotal(line))}
          </li>
        ))}
      </ul>
      <p>Total: {formatMoney(total)}</p>
      <button type="button" onClick={onCheckout}>
        Place order
      </button>
    </aside>
  );
}
