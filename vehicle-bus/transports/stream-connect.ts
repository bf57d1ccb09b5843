// Opens the byte streams the text protocols run over: a loopback/remote TCP socket or a serial port.
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { TransportError, TransportUnavailableError } from '../errors.js';

/** TCP with Nagle off: CAN frames are tiny and latency matters more than segment count. */
export function connectTcp(host: string, port: number, timeoutMs = 5000): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new TransportError(`connect to ${host}:${port} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      reject(new TransportError(`cannot connect to ${host}:${port}: ${err.message}`, { cause: err }));
    });
  });
}

interface SerialPortLike extends Duplex {
  open(cb: (err: Error | null) => void): void;
}

/** A serial port through the `serialport` package, loaded only when a serial URI is used. */
export async function connectSerial(path: string, baudRate: number): Promise<Duplex> {
  let SerialPort: new (opts: { path: string; baudRate: number; autoOpen: boolean }) => SerialPortLike;
  try {
    const name = 'serialport';
    ({ SerialPort } = (await import(name)) as { SerialPort: typeof SerialPort });
  } catch (err) {
    throw new TransportUnavailableError(`serial SLCAN needs the "serialport" package: ${(err as Error).message}`, { cause: err });
  }
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((err) => (err ? reject(new TransportError(`cannot open serial port ${path}: ${err.message}`, { cause: err })) : resolve()));
  });
  return port;
}
