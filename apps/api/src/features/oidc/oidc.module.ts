import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { CompanionLoginModule } from '../companion-login/companion-login.module';
import { CibaService } from './ciba.service';
import { OidcInteractionController } from './oidc-interaction.controller';
import { OidcInteractionService } from './oidc-interaction.service';
import { OidcModelSweeper } from './oidc-model-sweeper';
import { OidcProviderRecords } from './oidc-provider-records';
import { OidcProviderService } from './oidc-provider.service';

/**
 * The OpenID Provider. It drives companion logins (its login step) through the companion-login
 * module's service, the one module it builds on. The admin API reads and revokes sessions and
 * grants through OidcProviderRecords.
 */
@Module({
  imports: [AttemptsModule, IdentityModule, TokensModule, CompanionLoginModule],
  controllers: [OidcInteractionController],
  providers: [
    OidcProviderService,
    OidcInteractionService,
    OidcModelSweeper,
    CibaService,
    OidcProviderRecords,
  ],
  exports: [OidcProviderService, OidcModelSweeper, CibaService, OidcProviderRecords],
})
export class OidcModule {}
