import pytest

from worker.emails import build_confirmation
from worker.fulfilment import OutOfStock, reserve_stock
from worker.models import OrderCreated

EVENT = OrderCreated.model_validate(
    {
        "orderId": "7b0c8f0e-0000-4000-8000-000000000001",
        "customerEmail": "reader@example.com",
        "lines": [{"bookId": "b-1", "quantity": 2}, {"bookId": "b-2", "quantity": 1}],
    }
)


class FakeCursor:
    def __init__(self, rowcounts):
        self.rowcounts = list(rowcounts)
        self.rowcount = 0
        self.statements = []

    def execute(self, sql, params):
        self.statements.append((sql, params))
        self.rowcount = self.rowcounts.pop(0)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


class FakeConnection:
    def __init__(self, cursor):
        self._cursor = cursor

    def cursor(self):
        return self._cursor


def test_reserve_stock_decrements_every_line():
    cursor = FakeCursor([1, 1])
    reserve_stock(FakeConnection(cursor), EVENT)
    assert [params for _, params in cursor.statements] == [(2, "b-1", 2), (1, "b-2", 1)]


def test_reserve_stock_raises_when_a_book_runs_out():
    with pytest.raises(OutOfStock):
        reserve_stock(FakeConnection(FakeCursor([1, 0])), EVENT)


def test_confirmation_is_addressed_to_the_customer():
    message = build_confirmation(EVENT, "orders@shop.example")
    assert message["To"] == "reader@example.com"
    assert "3 book(s)" in message.get_content()
