import { Get, Inject } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@simauth/config';
import { ApiProblems } from '@simauth/http';
import { ProviderCircuits } from '@simauth/providers';
import { AdminAuth } from './admin-auth.guard';
import { AdminOperation, OBJECT } from './admin-routes';
import { AdminApiController, Audited } from './audited';
import { toCircuitResponse } from './dto/admin-responses';

/**
 * The providers as this replica sees them: the SIM-proof failover order, and each provider
 * client's circuit breaker (the replica's own; readiness never depends on them).
 */
@AdminApiController()
export class AdminProvidersController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly circuits: ProviderCircuits,
  ) {}

  @Get('providers')
  @AdminAuth()
  @AdminOperation(
    'providers',
    "The SIM-proof providers in their failover order, and each provider client's circuit breaker on this replica",
  )
  @ApiOkResponse({
    description:
      '`{sim_proof_providers, sim_swap_providers, circuits: [{provider, feature, client, state, consecutive_failures, open_until}]}`',
    ...OBJECT,
  })
  @ApiProblems(401, 403)
  @Audited('providers.read')
  providers() {
    return {
      sim_proof_providers: this.config.providers.simProof,
      sim_swap_providers: this.config.simSwap.providers,
      circuits: this.circuits.views().map(toCircuitResponse),
    };
  }
}
