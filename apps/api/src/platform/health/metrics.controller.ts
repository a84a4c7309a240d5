import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics } from 'prom-client';
import { metrics } from '@simauth/observability';

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
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text exposition format',
    content: {
      'text/plain; version=0.0.4': {
        schema: { type: 'string' },
        example:
          'simauth_http_request_duration_seconds_count{method="GET",route="/v1/coverage",status="200"} 3',
      },
    },
  })
  scrape(): Promise<string> {
    return metrics.registry.metrics();
  }
}
