// Fan-out of API events to Server-Sent-Event clients of the browser face.

import type { ServerResponse } from 'node:http';
import { apiEvents, type EventName, type EventPayload } from '../shared/api-contract';

export class EventHub {
  private clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => {
      for (const c of this.clients) c.write(': keep-alive\n\n');
    }, 25_000);
    this.heartbeat.unref();
  }

  emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const parsed = apiEvents[event].safeParse(payload);
    if (!parsed.success) return; // never send what the contract does not describe
    const frame = `event: ${event}\ndata: ${JSON.stringify(parsed.data)}\n\n`;
    for (const c of this.clients) c.write(frame);
  };

  add(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}
