import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export interface HttpServer {
  url: string;
  /** Stops accepting connections and resolves once every in-flight request has been answered. */
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and serves the app. */
export function listen(app: { fetch: Parameters<typeof serve>[0]['fetch'] }, host: string, port: number): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }) as Server;
    let closing = false;
    // Once closing, every answer tells the client not to reuse the connection, so no request
    // is sent on a socket we are about to close (it would be reset, not answered).
    server.on('request', (_request, response) => {
      if (closing) response.setHeader('Connection', 'close');
    });
    server.once('error', reject);
    server.once('listening', () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            closing = true;
            // close() waits for in-flight requests; a keep-alive socket that falls idle after its
            // last answer would hold it open until its timeout, so sweep idle sockets until done.
            const sweep = setInterval(() => server.closeIdleConnections(), 20);
            server.close((error) => {
              clearInterval(sweep);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
