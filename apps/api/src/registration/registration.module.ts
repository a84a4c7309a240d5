import { Module } from '@nestjs/common';
import { AttemptsModule } from '@simauth/attempts';
import { AccountsModule } from '../accounts/accounts.module';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';

@Module({
  imports: [AttemptsModule, AccountsModule],
  controllers: [RegistrationController],
  providers: [RegistrationService],
})
export class RegistrationModule {}
