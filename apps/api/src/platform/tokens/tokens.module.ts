import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { IdTokenService } from './id-token.service';
import { JwksController } from './jwks.controller';
import { UserAuthGuard } from './user-auth.guard';

/** The id_tokens simauth signs, the signing keys they are signed with, and the JWKS that publishes them. */
@Module({
  imports: [IdentityModule],
  controllers: [JwksController],
  providers: [IdTokenService, UserAuthGuard],
  exports: [IdTokenService, UserAuthGuard],
})
export class TokensModule {}
