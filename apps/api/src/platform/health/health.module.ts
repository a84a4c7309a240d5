import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { ProvidersHealth } from './providers.health';
import { ApiInstances } from './api-instances';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ProvidersHealth, ApiInstances],
  exports: [ApiInstances],
})
export class HealthModule {}
