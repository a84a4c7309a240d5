import { Body, Controller, Get, Module, Post, Req } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { IsInt, IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import {
  ForbiddenError,
  RateLimitedError,
  RequestWithRawBody,
  PHONE_NUMBER_MESSAGES,
  PhoneNumberReason,
  UuidParam,
  ValidateE164,
  applyHttpConventions,
  createHttpAdapter,
  RequestId,
} from '@simauth/http';
import { BODY_LIMIT_BYTES } from '../../../apps/api/src/create-api-app';
import {
  AttemptExpiredError,
  AttemptNotFoundError,
  InvalidTransitionError,
} from '@simauth/attempts';

class Nested {
  @IsInt()
  count: number;
}

class PhoneDto {
  @ValidateE164()
  phone_number: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Nested)
  nested?: Nested;
}

@Controller('probe')
class ProbeController {
  @Post('phone')
  phone(@Body() body: PhoneDto) {
    return { ok: body.phone_number };
  }

  @Post('echo')
  echo(@Req() req: RequestWithRawBody, @RequestId() requestId: string) {
    return { request_id: requestId, raw: req.rawBody?.toString('utf8') };
  }

  @Get('items/:id')
  item(@UuidParam() id: string) {
    return { id };
  }

  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2 at /srv/app.ts:12');
  }

  @Get('connection-lost')
  connectionLost(): never {
    // What pg says of a pooled connection Postgres terminated as it was handed to this query.
    throw new Error('Client has encountered a connection error and is not queryable');
  }

  @Get('expired')
  expired(): never {
    throw new AttemptExpiredError(randomUUID(), new Date('2026-01-01T00:00:00Z'));
  }

  @Get('conflict')
  conflict(): never {
    throw new InvalidTransitionError(randomUUID(), 'DENIED', 'APPROVED');
  }

  @Get('unknown')
  unknown(): never {
    throw new AttemptNotFoundError(randomUUID());
  }

  @Get('forbidden')
  forbidden(): never {
    throw new ForbiddenError('This login belongs to another user.');
  }

  @Get('slow-down')
  slowDown(): never {
    throw new RateLimitedError('Too many attempts for this number.', 42.3);
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

/** Sends `head` (request line and header lines) as written, then answers what the server said. */
function rawRequest(base: string, head: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.write(`${head}Host: ${hostname}\r\nConnection: close\r\n\r\n`),
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('HTTP conventions (problem+json, validation, request ids)', () => {
  let app: NestFastifyApplication;
  let base: string;
  /** A second app in the same process, as one served by the provider sandbox. */
  let sandboxApp: NestFastifyApplication;
  let sandboxBase: string;

  async function probeApp(phoneNumbers?: { sandboxTestNumbers: boolean }) {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    const probe = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter({ bodyLimitBytes: BODY_LIMIT_BYTES }),
      { bodyParser: false, logger: false },
    );
    applyHttpConventions(probe, { bodyLimitBytes: BODY_LIMIT_BYTES, phoneNumbers });
    await probe.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(probe.getHttpServer().address() as { port: number }).port}`;
    return [probe, url] as const;
  }

  beforeAll(async () => {
    [app, base] = await probeApp();
    [sandboxApp, sandboxBase] = await probeApp({ sandboxTestNumbers: true });
  });
  afterAll(async () => {
    await app.close();
    await sandboxApp.close();
  });

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });

  async function problem(res: Response) {
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return (await res.json()) as Record<string, unknown> & {
      errors?: { field: string; message: string; reason?: string }[];
    };
  }

  it('gives 400 malformed-json for a body that is not JSON', async () => {
    const res = await post('/probe/phone', '{"phone_number": ');
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.type).toBe('urn:simauth:problem:malformed-json');
    expect(body.status).toBe(400);
  });

  it.each([
    ['a bare string', '"+447700900001"'],
    ['a number', '42'],
    ['null', 'null'],
  ])('gives 400 malformed-json for JSON that is not an object (%s)', async (_case, body) => {
    const res = await post('/probe/phone', body);
    expect(res.status).toBe(400);
    expect((await problem(res)).type).toBe('urn:simauth:problem:malformed-json');
  });

  it('refuses prototype pollution keys with 400', async () => {
    const res = await post('/probe/phone', '{"phone_number":"+447700900001","__proto__":{"x":1}}');
    expect(res.status).toBe(400);
    expect((await problem(res)).type).toBe('urn:simauth:problem:malformed-json');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
  ])('gives 415 for a body sent as %s', async (_case, type) => {
    const res = await post('/probe/phone', 'phone_number=%2B447700900001', type);
    expect(res.status).toBe(415);
    expect((await problem(res)).type).toBe('urn:simauth:problem:unsupported-media-type');
  });

  it('accepts application/*+json and keeps the exact bytes and the request id for the handler', async () => {
    const raw = '{ "b": 1,  "a": [2] }';
    const res = await fetch(`${base}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/merge-patch+json', 'x-request-id': 'ctx-42' },
      body: raw,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ request_id: 'ctx-42', raw });
  });

  it('keeps the request id for a handler whose body arrived in a later packet', async () => {
    const url = new URL(`${base}/probe/echo`);
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'late-body' },
    });
    const answer = new Promise<string>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
    });
    req.flushHeaders();
    req.write('{"a":');
    // Nothing to await on the server's side: the pause only splits the body across packets.
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.end('1}');
    expect(JSON.parse(await answer)).toEqual({ request_id: 'late-body', raw: '{"a":1}' });
  });

  it('gives 400 naming an unknown field', async () => {
    const res = await post(
      '/probe/phone',
      JSON.stringify({ phone_number: '+447400123456', admin: true }),
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.type).toBe('urn:simauth:problem:validation-error');
    expect(body.errors).toEqual([{ field: 'admin', message: 'is not a known field' }]);
  });

  it.each([
    ['no plus', '447700900001', 'NOT_A_NUMBER'],
    ['spaces', '+44 7700 900001', 'NOT_A_NUMBER'],
    ['letters', '+44770090000a', 'NOT_A_NUMBER'],
    ['unicode digits', '+٤٤٧٧٠٠٩٠٠٠٠١', 'NOT_A_NUMBER'],
    ['a number, not a string', 447700900001, 'NOT_A_NUMBER'],
    ['too short', '+4477', 'TOO_SHORT'],
    ['too long for its country', '+4477009000011', 'TOO_LONG'],
    ['longer than E.164 allows', '+4477009000011234', 'TOO_LONG'],
    ['no such country code', '+999123456789', 'INVALID_COUNTRY'],
    ['in no range its country allocates', '+440000000001', 'INVALID_NUMBER'],
  ])(
    'gives 400 naming phone_number, with a message and a reason, for a bad phone number (%s)',
    async (_case, value, reason) => {
      const res = await post('/probe/phone', JSON.stringify({ phone_number: value }));
      expect(res.status).toBe(400);
      const body = await problem(res);
      expect(body.errors).toEqual([
        {
          field: 'phone_number',
          message: PHONE_NUMBER_MESSAGES[reason as PhoneNumberReason],
          reason,
        },
      ]);
    },
  );

  it('says what E.164 is when the value is not written as one', async () => {
    const res = await post('/probe/phone', JSON.stringify({ phone_number: '07700 900001' }));
    expect((await problem(res)).errors?.[0].message).toMatch(/E\.164.*leading \+/);
  });

  it('accepts a valid E.164 number, in its canonical form', async () => {
    const res = await post('/probe/phone', JSON.stringify({ phone_number: '+4407400123456' }));
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: '+447400123456' });
  });

  it("accepts the sandbox's test numbers only in the app whose policy says so, each app its own", async () => {
    const send = (url: string, phone_number: string) =>
      fetch(`${url}/probe/phone`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone_number }),
      });
    // Both apps in this process, their requests interleaved: neither policy leaks into the other.
    const answers = await Promise.all(
      ['+447700900001', '+99012345670', '+447700999999'].flatMap((number) => [
        send(base, number),
        send(sandboxBase, number),
      ]),
    );
    expect(answers.map((a) => a.status)).toEqual([400, 201, 400, 201, 400, 201]);
    expect((await problem(answers[0])).errors).toEqual([
      {
        field: 'phone_number',
        message: PHONE_NUMBER_MESSAGES.INVALID_NUMBER,
        reason: 'INVALID_NUMBER',
      },
    ]);
    expect((await problem(answers[2])).errors?.[0].reason).toBe('INVALID_COUNTRY');
    expect(await answers[1].json()).toEqual({ ok: '+447700900001' });
    // Outside the block the full metadata decides, sandbox or not: real numbers pass, others not.
    expect((await send(sandboxBase, '+447700000000')).status).toBe(201);
    expect((await send(sandboxBase, '+44770090000')).status).toBe(400);
  });

  it('names nested fields with their path', async () => {
    const res = await post(
      '/probe/phone',
      JSON.stringify({ phone_number: '+447400123456', nested: { count: 'x' } }),
    );
    const body = await problem(res);
    expect(body.errors?.map((e) => e.field)).toEqual(['nested.count']);
  });

  it('gives 400 naming the id for a malformed UUID in the path', async () => {
    const res = await fetch(`${base}/probe/items/not-a-uuid`);
    expect(res.status).toBe(400);
    expect((await problem(res)).errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });

  it('gives 413 for an oversized body', async () => {
    const res = await post('/probe/phone', JSON.stringify({ phone_number: 'x'.repeat(64 * 1024) }));
    expect(res.status).toBe(413);
    expect((await problem(res)).type).toBe('urn:simauth:problem:payload-too-large');
  });

  it('hides the cause of an unexpected error behind a generic 500', async () => {
    const res = await fetch(`${base}/probe/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({
      type: 'urn:simauth:problem:internal-error',
      status: 500,
    });
    expect(text).not.toMatch(/hunter2|app\.ts|at /);
  });

  it('answers 503 with Retry-After when the connection of a query was lost', async () => {
    const res = await fetch(`${base}/probe/connection-lost`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await problem(res)).type).toBe('urn:simauth:problem:service-unavailable');
  });

  it.each([
    ['/probe/expired', 410, 'attempt-expired'],
    ['/probe/conflict', 409, 'invalid-transition'],
    ['/probe/unknown', 404, 'attempt-not-found'],
    ['/probe/forbidden', 403, 'forbidden'],
    ['/probe/nowhere', 404, 'not-found'],
  ])('maps %s to %i %s', async (path, status, code) => {
    const res = await fetch(base + path);
    expect(res.status).toBe(status);
    expect((await problem(res)).type).toBe(`urn:simauth:problem:${code}`);
  });

  it('says when an expired attempt expired and what status blocks a move', async () => {
    expect(await problem(await fetch(`${base}/probe/expired`))).toMatchObject({
      expired_at: '2026-01-01T00:00:00.000Z',
    });
    expect(await problem(await fetch(`${base}/probe/conflict`))).toMatchObject({
      current_status: 'DENIED',
    });
  });

  it('sends Retry-After with a 429', async () => {
    const res = await fetch(`${base}/probe/slow-down`);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('43');
  });

  it('puts a request id on every response and in the problem, keeping a sane caller id', async () => {
    const mine = await fetch(`${base}/probe/unknown`, { headers: { 'x-request-id': 'trace-123' } });
    expect(mine.headers.get('x-request-id')).toBe('trace-123');
    expect((await problem(mine)).request_id).toBe('trace-123');
    const hostile = await fetch(`${base}/probe/unknown`, {
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads the caller id whatever the case of its name, and ignores it when sent twice', async () => {
    const idOf = async (headerLines: string) => {
      const answer = await rawRequest(base, `GET /probe/unknown HTTP/1.1\r\n${headerLines}`);
      return /^x-request-id: (.*)$/im.exec(answer)?.[1].trim();
    };
    expect(await idOf('X-REQUEST-ID: Trace-ABC\r\n')).toBe('Trace-ABC');
    const twice = await idOf('X-Request-Id: first\r\nx-request-id: second\r\n');
    expect(twice).toMatch(/^[0-9a-f-]{36}$/);
  });
});
