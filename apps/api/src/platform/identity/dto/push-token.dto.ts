import { ValidateToken } from '@simauth/http';

export class PushTokenDto {
  @ValidateToken(4096, {
    description: 'FCM registration token of this app install',
    example: 'fcm-token-from-the-app',
  })
  fcm_token: string;
}
