import { ArgumentMetadata, Type, ValidationPipe } from '@nestjs/common';
import * as classTransformer from 'class-transformer';
import { createValidationPipe } from '@simauth/http';
import {
  ApproveLoginDto,
  ApproveWithCodeDto,
  LoginCodeDto,
  StartLoginDto,
} from '../../../apps/api/src/features/companion-login/dto/login.dto';
import { AttemptSearchQuery } from '../../../apps/api/src/features/admin/dto/admin.dto';

/** Nest's own pipe with the same options: what the fast path must answer exactly like. */
function reference(): ValidationPipe {
  const pipe = createValidationPipe();
  const plain = new ValidationPipe();
  Object.assign(plain, pipe);
  Object.setPrototypeOf(plain, ValidationPipe.prototype);
  return plain;
}

async function outcome(pipe: ValidationPipe, value: unknown, metatype: Type, type = 'body') {
  try {
    const result = await pipe.transform(value, { type, metatype } as ArgumentMetadata);
    return { ok: result, instance: (result as object)?.constructor?.name };
  } catch (err) {
    return { error: String(err), fields: (err as { errors?: unknown }).errors };
  }
}

const uuid = '0b5b4a4e-2f7d-4a55-9f7e-6f1f4c0c7a11';
const cases: [Type, unknown][] = [
  [StartLoginDto, { phone_number: '+447400123456' }],
  [StartLoginDto, { phone_number: '07700 900001' }],
  [StartLoginDto, {}],
  [StartLoginDto, { phone_number: 42 }],
  [StartLoginDto, { phone_number: '+447400123456', admin: true }],
  [StartLoginDto, { phone_number: '+447400123456', constructor: 1 }],
  [StartLoginDto, { phone_number: { nested: ['+447400123456'] } }],
  [ApproveLoginDto, { match_number: 42 }],
  [ApproveLoginDto, { match_number: '42' }],
  [ApproveLoginDto, { match_number: 4.2 }],
  [ApproveLoginDto, { match_number: 100 }],
  [ApproveWithCodeDto, { match_number: 42, factor_id: uuid, code: '123456' }],
  [ApproveWithCodeDto, { match_number: 42, factor_id: 'nope', code: '' }],
  [ApproveWithCodeDto, { factor_id: uuid }],
  [LoginCodeDto, { check_id: 'abc', code: '123456' }],
  [LoginCodeDto, { code: '123456' }],
  [LoginCodeDto, { check_id: null, code: '123456' }],
  [LoginCodeDto, { check_id: 'a b', code: 'x'.repeat(65) }],
  [LoginCodeDto, []],
  [LoginCodeDto, [{ code: '1' }]],
  [LoginCodeDto, 'code'],
  [LoginCodeDto, null],
  [LoginCodeDto, undefined],
];

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();
  const nest = reference();

  it.each(cases.map(([dto, body]) => [dto.name, JSON.stringify(body), dto, body]))(
    'answers %s %s exactly as Nest ValidationPipe does',
    async (_name, _json, dto, body) => {
      const copy = (v: unknown) => (v === undefined ? undefined : structuredClone(v));
      const ours = await outcome(pipe, copy(body), dto as Type);
      const theirs = await outcome(nest, copy(body), dto as Type);
      expect(ours).toEqual(theirs);
    },
  );

  it('returns an instance of the DTO, so handlers and Swagger see the same type', async () => {
    const result = await pipe.transform({ match_number: 42 }, {
      type: 'body',
      metatype: ApproveLoginDto,
    } as ArgumentMetadata);
    expect(result).toBeInstanceOf(ApproveLoginDto);
    expect(result).toEqual({ match_number: 42 });
  });

  it('makes the login bodies without class-transformer, and other classes with it', async () => {
    const walk = jest.spyOn(classTransformer, 'plainToInstance');
    try {
      await pipe.transform({ code: '123456' }, { type: 'body', metatype: LoginCodeDto });
      await expect(
        pipe.transform({ code: 7 }, { type: 'body', metatype: LoginCodeDto }),
      ).rejects.toMatchObject({
        errors: expect.arrayContaining([{ field: 'code', message: 'must be a string' }]),
      });
      expect(walk).not.toHaveBeenCalled();
      await pipe.transform({ limit: '5' }, { type: 'body', metatype: AttemptSearchQuery });
      expect(walk).toHaveBeenCalledTimes(1);
    } finally {
      walk.mockRestore();
    }
  });

  it('still converts values for classes with class-transformer decorators', async () => {
    const query = { limit: '5', phone_number: '+447400123456' };
    const ours = await pipe.transform(structuredClone(query), {
      type: 'query',
      metatype: AttemptSearchQuery,
    } as ArgumentMetadata);
    expect((ours as { limit: unknown }).limit).toBe(5);
    expect(await outcome(pipe, structuredClone(query), AttemptSearchQuery)).toEqual(
      await outcome(nest, structuredClone(query), AttemptSearchQuery),
    );
  });
});
