import os

import pika
import structlog
from pydantic import ValidationError

from worker.emails import send_confirmation
from worker.fulfilment import OutOfStock, fulfil
from worker.models import OrderCreated

QUEUE = "orders.created"

log = structlog.get_logger()


def handle(channel, method, _properties, body: bytes) -> None:
    try:
        event = OrderCreated.model_validate_json(body)
    except ValidationError:
        log.warning("dropping malformed message", body=body[:200])
        channel.basic_nack(delivery_tag=method.delivery_tag, requeue=False)
        return
    try:
        fulfil(os.environ["DATABASE_URL"], event)
    except OutOfStock as exc:
        log.info("order cancelled", order_id=event.order_id, reason=str(exc))
    else:
        send_confirmation(event)
        log.info("order fulfilled", order_id=event.order_id)
    channel.basic_ack(delivery_tag=method.delivery_tag)


def main() -> None:
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["AMQP_URL"]))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    channel.basic_qos(prefetch_count=10)
    channel.basic_consume(queue=QUEUE, on_message_callback=handle)
    log.info("consuming", queue=QUEUE)
    try:
        channel.start_consuming()
    finally:
        connection.close()


if __name__ == "__main__":
    main()
