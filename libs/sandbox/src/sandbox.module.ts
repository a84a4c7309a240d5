import { DynamicModule, Module } from '@nestjs/common';
import { SANDBOX_OPTIONS } from './sandbox.tokens';
import { SandboxOptions } from './sandbox-options';
import { SandboxStore } from './sandbox-store';
import { TruIdOAuthController } from './truid/oauth.controller';
import { CheckUrlController, PhoneCheckController } from './truid/phone-check.controller';
import { CoverageController } from './truid/coverage.controller';
import { VonageController } from './vonage/vonage.controller';
import { FcmController } from './fcm/fcm.controller';
import { CallbackKeysController } from './truid/callback-keys.controller';
import { SimCheckController } from './truid/sim-check.controller';
import { VerifyController } from './vonage/verify.controller';
import { SilentAuthController } from './vonage/silent-auth.controller';
import { TwilioVerifyController } from './twilio/twilio-verify.controller';
import { TwilioLookupController } from './twilio/twilio-lookup.controller';
import { AuthenticatorController } from './truid/authenticator.controller';
import { CredentialsController } from './credentials.controller';

@Module({})
export class SandboxModule {
  static forRoot(options: SandboxOptions, store: SandboxStore): DynamicModule {
    return {
      module: SandboxModule,
      controllers: [
        TruIdOAuthController,
        PhoneCheckController,
        CheckUrlController,
        CoverageController,
        AuthenticatorController,
        CallbackKeysController,
        SimCheckController,
        VerifyController,
        SilentAuthController,
        TwilioVerifyController,
        TwilioLookupController,
        VonageController,
        FcmController,
        CredentialsController,
      ],
      providers: [
        { provide: SANDBOX_OPTIONS, useValue: options },
        { provide: SandboxStore, useValue: store },
      ],
    };
  }
}
