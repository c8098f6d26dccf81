from pydantic import BaseModel, Field


class OrderLine(BaseModel):
    book_id: str = Field(alias="bookId")
    quantity: int = Field(gt=0)


class OrderCreated(BaseModel):
    """The message the API publishes on the orders.created queue."""

    order_id: str = Field(alias="orderId")
    customer_email: str = Field(alias="customerEmail")
    lines: list[OrderLine]
