import amqp, { type Channel } from 'amqplib';
import type { OrderCreatedEvent } from '@shop/shared';
import { config } from '../config.js';

export const ORDERS_CREATED_QUEUE = 'orders.created';

let connection: Awaited<ReturnType<typeof amqp.connect>> | undefined;
let channel: Channel | undefined;

async function getChannel(): Promise<Channel> {
  if (!channel) {
    connection = await amqp.connect(config.AMQP_URL);
    channel = await connection.createChannel();
    await channel.assertQueue(ORDERS_CREATED_QUEUE, { durable: true });
  }
  return channel;
}

export async function publishOrderCreated(event: OrderCreatedEvent): Promise<void> {
  const ch = await getChannel();
  ch.sendToQueue(ORDERS_CREATED_QUEUE, Buffer.from(JSON.stringify(event)), {
    persistent: true,
    contentType: 'application/json',
  });
}

export async function closePublisher(): Promise<void> {
  await channel?.close();
  await connection?.close();
}
