import { Delete, Get, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminOperation, LIST } from './admin-routes';
import { AdminService } from './admin.service';
import { AdminApiController, Audited } from './audited';

/** A user's trusted phones, and revoking a lost one. */
@AdminApiController()
export class AdminDevicesController {
  constructor(private readonly admin: AdminService) {}

  @Get('users/:id/devices')
  @AdminAuth()
  @AdminOperation('devices', "A user's trusted phones")
  @ApiOkResponse({ description: 'The devices', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.devices')
  devices(@UuidParam() id: string) {
    return this.admin.devicesOfUser(id);
  }

  @Delete('devices/:id')
  @HttpCode(204)
  @AdminAuth()
  @AdminOperation(
    'revokeDevice',
    'Revoke a device: its credential stops working at once, everywhere',
  )
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  @Audited('device.revoke')
  async revokeDevice(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ): Promise<void> {
    await this.admin.revokeDevice(id, { clientId: caller.clientId, requestId });
  }
}
