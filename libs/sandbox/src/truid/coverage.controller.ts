import { Controller, Get, Param, Req } from '@nestjs/common';
import type { Request } from 'express';
import { SandboxStore } from '../sandbox-store';
import { truIdError } from '../sandbox-error';
import { coverageRule } from '../sandbox-rules';
import { requireTruIdScope } from './truid-auth';

/** tru.ID coverage by device IP (authenticated form). */
@Controller('coverage/v0.1/device_ips')
export class CoverageController {
  constructor(private readonly store: SandboxStore) {}

  @Get(':ip')
  byIp(@Req() req: Request, @Param('ip') ip: string) {
    this.store.count('truid.coverage');
    requireTruIdScope(this.store, req, 'coverage');
    const network = (products: { product_id: string; product_name: string }[]) => ({
      country_code: 'GB',
      network_id: '99999',
      network_name: 'Sandbox Mobile',
      products,
    });
    switch (coverageRule(ip)) {
      case 'not-mobile':
        throw truIdError(412, 'not_mobile_ip', 'The IP address is not a mobile network IP');
      case 'mno-not-supported':
        throw truIdError(400, 'mno_not_supported', 'The mobile network is not supported');
      case 'sim-check-only':
        return network([{ product_id: 'SCK', product_name: 'Sim Check' }]);
      case 'renamed-product':
        return network([{ product_id: 'PCK', product_name: 'PhoneCheck' }]);
      default:
        return network([
          { product_id: 'PCK', product_name: 'Phone Check' },
          { product_id: 'SCK', product_name: 'Sim Check' },
        ]);
    }
  }
}
