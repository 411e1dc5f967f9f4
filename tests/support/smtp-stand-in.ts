// A tiny SMTP server for tests: accepts every message and keeps it (recipients and raw data).
// Not listening at all is how a test makes SMTP refuse (connection refused); `holdNextConnection`
// leaves one client waiting for the greeting for ever (a sender to kill in the middle of a send).
import net from 'node:net';

export type ReceivedMail = { from: string; to: string[]; data: string };
export type SmtpStandIn = {
  port: number;
  received: ReceivedMail[];
  /** Resolves when the next client has connected; it never gets an answer. */
  holdNextConnection: () => Promise<void>;
  close: () => Promise<void>;
};

export async function startSmtpStandIn(port: number): Promise<SmtpStandIn> {
  const received: ReceivedMail[] = [];
  let onHeld: (() => void) | null = null;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (onHeld) {
      onHeld();
      onHeld = null;
      return;
    }
    let buffer = '';
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    let inData = false;
    const say = (line: string) => socket.write(`${line}\r\n`);
    say('220 stand-in ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            say('250 2.0.0 queued');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-stand-in\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO' || verb === 'RSET' || verb === 'NOOP') say('250 OK');
        else if (verb === 'MAIL') {
          mail.from = line.slice(10).trim();
          say('250 OK');
        } else if (verb === 'RCPT') {
          mail.to.push(line.slice(8).trim().replace(/^<|>$/g, ''));
          say('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          say('354 go ahead');
        } else if (verb === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 not implemented');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port,
    received,
    holdNextConnection: () => new Promise<void>((resolve) => (onHeld = resolve)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        sockets.forEach((socket) => socket.destroy());
      }),
  };
}
