import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from './problems';
import { RequestValidationError } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // A missing value breaks every rule of its field; saying "is required" once is enough.
    const constraints = e.constraints?.isDefined
      ? { isDefined: e.constraints.isDefined }
      : (e.constraints ?? {});
    const own = Object.entries(constraints).map(([rule, message]) => ({
      field,
      // class-validator's whitelist message names the field twice; say it plainly.
      message:
        rule === 'whitelistValidation'
          ? 'is not a known field'
          : message.replace(`${e.property} `, ''),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** The global pipe: unknown fields refused, types converted, errors as problem+json fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}
