import { Controller, Get, Inject } from '@nestjs/common';
import { SANDBOX_OPTIONS } from './sandbox.tokens';
import { SandboxOptions } from './sandbox-options';
import { SandboxStore } from './sandbox-store';
import { SandboxCredentials, sandboxCredentials } from './sandbox-credentials';

/** The sandbox's own accounts, for api processes that share it (SANDBOX_URL). */
@Controller('sandbox')
export class CredentialsController {
  constructor(
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
    private readonly store: SandboxStore,
  ) {}

  @Get('credentials')
  credentials(): SandboxCredentials {
    return sandboxCredentials(this.store.publicUrl, this.options);
  }
}
