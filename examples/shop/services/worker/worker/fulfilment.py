import psycopg

from worker.models import OrderCreated


class OutOfStock(Exception):
    pass


def reserve_stock(conn: psycopg.Connection, event: OrderCreated) -> None:
    """Decrements stock for every line, or raises OutOfStock and leaves the transaction to roll back."""
    with conn.cursor() as cur:
        for line in event.lines:
            cur.execute(
                "UPDATE books SET stock = stock - %s WHERE id = %s AND stock >= %s",
                (line.quantity, line.book_id, line.quantity),
            )
            if cur.rowcount != 1:
                raise OutOfStock(f"book {line.book_id} has fewer than {line.quantity} copies")


def fulfil(database_url: str, event: OrderCreated) -> None:
    with psycopg.connect(database_url) as conn:
        try:
            with conn.transaction():
                reserve_stock(conn, event)
                conn.execute("UPDATE orders SET status = 'fulfilled' WHERE id = %s", (event.order_id,))
        except OutOfStock:
            conn.execute("UPDATE orders SET status = 'cancelled' WHERE id = %s", (event.order_id,))
            raise
