import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { IdTokenService } from './id-token.service';
import { JwksController } from './jwks.controller';
import { UserAuthGuard, UserOrDeviceAuthGuard } from './user-auth.guard';

/** The id_tokens simauth signs, the signing keys they are signed with, and the JWKS that publishes them. */
@Module({
  imports: [IdentityModule],
  controllers: [JwksController],
  providers: [IdTokenService, UserAuthGuard, UserOrDeviceAuthGuard],
  // Identity too: the guard of a route that takes a device credential needs AccountsService.
  exports: [IdentityModule, IdTokenService, UserAuthGuard, UserOrDeviceAuthGuard],
})
export class TokensModule {}
