import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { IdentityModule } from '../../platform/identity/identity.module';
import { TokensModule } from '../../platform/tokens/tokens.module';
import { InteractionClients } from '../../platform/pages/interaction-clients';
import { LogosModule } from '../../platform/logos/logos.module';
import { CompanionLoginModule } from '../companion-login';
import { CibaService } from './ciba.service';
import { OidcInteractionController } from './oidc-interaction.controller';
import { OidcInteractionService } from './oidc-interaction.service';
import { OidcModelSweeper } from './oidc-model-sweeper';
import { ProviderPages } from './oidc-pages';
import { OidcProviderRecords } from './oidc-provider-records';
import { OidcProviderService } from './oidc-provider.service';

/**
 * The OpenID Provider. Its sign-in steps (an interaction's, a CIBA request's) are companion logins
 * bound to them, through the companion-login feature's public surface (BoundLogins), the one
 * feature it builds on; nothing imports it but the admin API,
 * which reads and revokes sessions and grants through OidcProviderRecords.
 */
@Module({
  imports: [AttemptsModule, IdentityModule, TokensModule, LogosModule, CompanionLoginModule],
  controllers: [OidcInteractionController],
  providers: [
    OidcProviderService,
    OidcInteractionService,
    OidcModelSweeper,
    CibaService,
    OidcProviderRecords,
    ProviderPages,
    { provide: InteractionClients, useExisting: OidcInteractionService },
  ],
  exports: [OidcProviderService, OidcModelSweeper, CibaService, OidcProviderRecords],
})
export class OidcModule {}
