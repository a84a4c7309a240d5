// A webhook endpoint for trying simauth's webhooks on one machine: it verifies every delivery
// with the `standardwebhooks` package (the Standard Webhooks reference library) and prints it.
// `npm run example:webhooks` prints the WEBHOOKS value to start simauth with.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

const port = Number(process.env.PORT ?? 8090);
const secret = process.env.WEBHOOK_SECRET ?? `whsec_${randomBytes(32).toString('base64')}`;
const webhook = new Webhook(secret);

createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const body = Buffer.concat(chunks).toString('utf8');
  try {
    const event = webhook.verify(body, {
      'webhook-id': req.headers['webhook-id'] ?? '',
      'webhook-timestamp': req.headers['webhook-timestamp'] ?? '',
      'webhook-signature': req.headers['webhook-signature'] ?? '',
    });
    console.log(`${event.type} ${JSON.stringify(event.data)}`);
    res.writeHead(204).end();
  } catch (err) {
    console.log(`refused: ${err.message}`);
    res.writeHead(400).end();
  }
}).listen(port, '127.0.0.1', () => {
  const hooks = [{ url: `http://localhost:${port}/hooks`, secret, events: ['*'] }];
  console.log(`webhook receiver on http://localhost:${port}/hooks; start simauth with:`);
  console.log(`WEBHOOKS='${JSON.stringify(hooks)}' npm start`);
});
