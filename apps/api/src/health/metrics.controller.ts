import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics } from 'prom-client';
import { metrics } from '@simauth/http';

let defaultMetricsStarted = false;

@ApiTags('operators')
@Controller('metrics')
export class MetricsController {
  constructor() {
    // Process metrics (CPU, memory, event loop lag), once per process.
    if (!defaultMetricsStarted) {
      defaultMetricsStarted = true;
      collectDefaultMetrics({ register: metrics.registry, prefix: 'simauth_' });
    }
  }

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: requests, attempt moves, provider calls, SSE streams, process',
  })
  @ApiOkResponse({ description: 'Prometheus text exposition format' })
  scrape(): Promise<string> {
    return metrics.registry.metrics();
  }
}
