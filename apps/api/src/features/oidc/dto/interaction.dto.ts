import { ApiProperty } from '@nestjs/swagger';
import { ValidateToken } from '@simauth/http';

export class FinishInteractionDto {
  @ValidateToken(128, { description: 'The poll_token of the login this page started' })
  poll_token: string;
}

export class InteractionRedirectResponse {
  @ApiProperty({
    description: 'Where the browser goes next: back to the authorization endpoint, then the client',
    example: 'http://localhost:3000/oidc/auth/8mGx…',
  })
  redirect_to: string;
}
