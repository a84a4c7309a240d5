import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IdTokenService } from './id-token.service';

@ApiTags('operators')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly idTokens: IdTokenService) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'Public keys that verify simauth id_tokens (ES256, and RS256 for clients that ask)',
  })
  @ApiOkResponse({
    schema: {
      example: {
        keys: [{ kty: 'EC', crv: 'P-256', x: '…', y: '…', kid: '…', use: 'sig', alg: 'ES256' }],
      },
    },
  })
  jwks() {
    return this.idTokens.jwks();
  }
}
