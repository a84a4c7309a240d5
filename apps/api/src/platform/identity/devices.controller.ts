import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, RequestId } from '@simauth/http';
import { AccountsService, Device } from './accounts.service';
import { CurrentDevice, DeviceAuth } from './device-auth.guard';
import { DeviceRevocation } from './device-revocation';
import { PushTokenDto } from './dto/push-token.dto';

@ApiTags('devices')
@Controller('v1/devices/me')
export class DevicesController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly revocation: DeviceRevocation,
  ) {}

  @Put('push-token')
  @HttpCode(204)
  @DeviceAuth()
  @ApiOperation({
    summary: 'Store the FCM token this device receives login requests on, and its language',
  })
  @ApiNoContentResponse()
  async setPushToken(@CurrentDevice() device: Device, @Body() body: PushTokenDto): Promise<void> {
    await this.accounts.setPushToken(device.id, body.fcm_token, body.locale);
  }

  @Delete()
  @HttpCode(204)
  @DeviceAuth()
  @ApiOperation({
    summary: 'This device revokes itself (the app forgets the phone): its credential stops working',
    description:
      'The credential is refused at once (401) and the push token forgotten; `device.revoked` is sent with `actor: "device"`. The user\'s pending logins stay until they expire: this device can no longer approve them, the user\'s other devices still can. Register again to come back.',
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(401)
  async revoke(@CurrentDevice() device: Device, @RequestId() requestId: string): Promise<void> {
    // A concurrent revocation (the operator's, or a second call) already did it: 204 all the same.
    await this.revocation.revoke(device.id, { actor: 'device', request_id: requestId ?? null });
  }
}
