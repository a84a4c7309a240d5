import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A number as a person typed it on the login page, with the browser's region. */
export class WrittenNumberBody {
  @IsDefined({ message: 'is required' })
  @IsString({ message: 'must be a string' })
  @MaxLength(40, { message: 'must be at most 40 characters' })
  phone_number!: string;

  /** The browser's region (ISO 3166 alpha-2), used when DEFAULT_REGION is unset. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'must be an ISO 3166 alpha-2 code in capitals' })
  region?: string;
}
