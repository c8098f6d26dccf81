import os
import smtplib
from email.message import EmailMessage

from worker.models import OrderCreated


def build_confirmation(event: OrderCreated, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = event.customer_email
    message["Subject"] = f"Your Shop order {event.order_id}"
    copies = sum(line.quantity for line in event.lines)
    message.set_content(f"Thank you! Your order of {copies} book(s) is on its way.")
    return message


def send_confirmation(event: OrderCreated) -> None:
    sender = os.environ.get("MAIL_FROM", "orders@shop.example")
    host = os.environ.get("SMTP_HOST", "localhost")
    port = int(os.environ.get("SMTP_PORT", "25"))
    with smtplib.SMTP(host, port, timeout=10) as smtp:
        smtp.send_message(build_confirmation(event, sender))
