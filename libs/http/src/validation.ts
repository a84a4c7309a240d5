import {
  ArgumentMetadata,
  Type,
  ValidationError,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { ValidatorOptions, getMetadataStorage } from 'class-validator';
import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { FieldError } from './problems';
import { RequestValidationError } from './domain-error';
import {
  PhoneNumberPolicy,
  REAL_NUMBERS_ONLY,
  phoneNumberReasonOf,
  withPhoneNumberPolicy,
} from './validators';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // A missing value breaks every rule of its field; saying "is required" once is enough.
    const constraints = e.constraints?.isDefined
      ? { isDefined: e.constraints.isDefined }
      : (e.constraints ?? {});
    const own = Object.entries(constraints).map(([rule, message]): FieldError => {
      // A phone number's refusal says why for programs too (TOO_SHORT, INVALID_NUMBER, …).
      const reason = rule === 'isPhoneNumber' ? phoneNumberReasonOf(message) : undefined;
      return {
        field,
        // class-validator's whitelist message names the field twice; say it plainly.
        message:
          rule === 'whitelistValidation'
            ? 'is not a known field'
            : message.replace(`${e.property} `, ''),
        ...(reason ? { reason } : {}),
      };
    });
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * Whether class-transformer would make an instance of `metatype` from a JSON object by nothing
 * more than copying its properties: no @Type, @Transform, @Expose or @Exclude on the class, its
 * ancestors or any property class-validator knows of (with `whitelist`, the only ones a valid body
 * may hold). Known once per class: decorators run when the class is defined.
 */
const plainCopy = new WeakMap<Type, boolean>();
function copiesPlainly(metatype: Type): boolean {
  let known = plainCopy.get(metatype);
  if (known === undefined) {
    const properties = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metatype, '', true, false)
        .map((m) => m.propertyName),
    );
    const storage = defaultMetadataStorage;
    known =
      storage.getStrategy(metatype) === 'none' &&
      storage.getExposedMetadatas(metatype).length === 0 &&
      storage.getExcludedMetadatas(metatype).length === 0 &&
      [...properties].every(
        (p) =>
          !storage.findTypeMetadata(metatype, p) &&
          storage.findTransformMetadatas(metatype, p, TransformationType.PLAIN_TO_CLASS).length ===
            0,
      );
    plainCopy.set(metatype, known);
  }
  return known;
}

/**
 * Nest's ValidationPipe, except that a JSON object body for a DTO class that class-transformer
 * would only copy (see copiesPlainly: a login's approval and code, a registration's code, the
 * factors' bodies) is made an instance by assigning its properties, instead of by
 * class-transformer's walk of the value. Everything else goes through ValidationPipe itself: every
 * other parameter, and the bodies with a phone number (ValidateE164 puts the number in canonical
 * form with a class-transformer @Transform). class-validator checks the instance as before,
 * with the same options: unknown fields refused, the same errors.
 */
class DtoValidationPipe extends ValidationPipe {
  constructor(
    options: ValidationPipeOptions,
    /** The phone numbers this app accepts (ValidateE164 reads it while this pipe validates). */
    readonly phoneNumbers: PhoneNumberPolicy = REAL_NUMBERS_ONLY,
  ) {
    super(options);
  }

  protected override validate(object: object, options?: ValidatorOptions) {
    return withPhoneNumberPolicy(this.phoneNumbers, () => super.validate(object, options));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const metatype = metadata.metatype as Type | undefined;
    if (
      metadata.type !== 'body' ||
      !metatype ||
      !this.toValidate(metadata) ||
      value === null ||
      typeof value !== 'object' ||
      Object.getPrototypeOf(value) !== Object.prototype ||
      !copiesPlainly(metatype)
    ) {
      return super.transform(value, metadata);
    }
    this.stripProtoKeys(value);
    const entity = Object.assign(new metatype(), value) as object;
    const errors = await this.validate(entity, this.validatorOptions);
    if (errors.length > 0) throw await this.exceptionFactory(errors);
    return entity;
  }
}

/**
 * The global pipe: unknown fields refused, types converted, errors as problem+json fields; phone
 * numbers as `phoneNumbers` allows (only real ones unless said).
 */
export function createValidationPipe(
  phoneNumbers: PhoneNumberPolicy = REAL_NUMBERS_ONLY,
): ValidationPipe {
  return new DtoValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
    },
    phoneNumbers,
  );
}
