import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, ValidateBy } from 'class-validator';

/** The canonical form of a BCP 47 language tag (`de-ch` → `de-CH`), or undefined if it is none. */
function canonicalLocale(tag: unknown): string | undefined {
  if (
    typeof tag !== 'string' ||
    tag.length > 35 ||
    !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)
  )
    return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * An optional `locale` field: the device's language as a BCP 47 tag (`de`, `fr-CA`), which the
 * push's notification text is written in (English when simauth has not that language). A valid
 * tag reaches the handler in its canonical form; any other value is left for the check to refuse.
 */
export function ValidateDeviceLocale(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        "The phone's language, a BCP 47 tag (e.g. `de-CH`): the login request's notification title and body are written in it (en, de, fr, es; English otherwise). Stored on the device; omitted, the device keeps the one it had",
      example: 'de-CH',
      maxLength: 35,
    }),
    Transform(({ value }: { value: unknown }) => canonicalLocale(value) ?? value),
    IsOptional(),
    ValidateBy({
      name: 'isDeviceLocale',
      validator: {
        validate: (value: unknown) => canonicalLocale(value) !== undefined,
        defaultMessage: () => 'must be a BCP 47 language tag such as de or fr-CA',
      },
    }),
  );
}
