import { ValidateToken } from '@simauth/http';
import { ValidateDeviceLocale } from './device-locale';

export class PushTokenDto {
  @ValidateToken(4096, {
    description: 'FCM registration token of this app install',
    example: 'fcm-token-from-the-app',
  })
  fcm_token: string;

  @ValidateDeviceLocale()
  locale?: string;
}
