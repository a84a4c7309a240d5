import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, Device } from './accounts.service';
import { CurrentDevice, DeviceAuth } from './device-auth.guard';
import { PushTokenDto } from './dto/push-token.dto';

@ApiTags('devices')
@Controller('v1/devices/me')
export class DevicesController {
  constructor(private readonly accounts: AccountsService) {}

  @Put('push-token')
  @HttpCode(204)
  @DeviceAuth()
  @ApiOperation({ summary: 'Store the FCM token this device receives login requests on' })
  @ApiNoContentResponse()
  async setPushToken(@CurrentDevice() device: Device, @Body() body: PushTokenDto): Promise<void> {
    await this.accounts.setPushToken(device.id, body.fcm_token);
  }
}
