import { Injectable, Logger } from '@nestjs/common';
import { DeadPushTokenError, PushPort } from '@simauth/providers';
import { AccountsService } from '../../platform/identity/accounts.service';
import { pushText } from '../../platform/pages/page-i18n';
import { Login } from './login-attempts';

/** The push that asks a user's phones to approve a login. */
@Injectable()
export class LoginPush {
  // Its log lines keep the context they had before the service split.
  private readonly logger = new Logger('CompanionLoginService');

  constructor(
    private readonly accounts: AccountsService,
    private readonly push: PushPort,
  ) {}

  /** Runs after the answer; its log lines carry the id of the request that started the login. */
  async notifyDevices(login: Login, userId: string, requestId?: string): Promise<void> {
    const req = { id: requestId };
    const { candidates, bindingMessage, clientName } = login.context;
    try {
      for (const device of await this.accounts.pushableDevices(userId)) {
        try {
          await this.push.send(device.pushToken!, {
            data: {
              type: 'login_request',
              login_id: login.id,
              match_numbers: candidates.join(','),
              expires_at: login.expiresAt.toISOString(),
              ...(bindingMessage ? { binding_message: bindingMessage } : {}),
              ...(clientName ? { client_name: clientName } : {}),
            },
            // What the phone shows when the app is in the background, in the device's language.
            ...pushText(device.locale, clientName),
          });
        } catch (err) {
          if (err instanceof DeadPushTokenError) {
            await this.accounts.markPushTokenDead(device.id, device.pushToken!);
            this.logger.warn(
              { req, device_id: device.id },
              'push token no longer registered; removed',
            );
          } else {
            this.logger.warn(
              { req, device_id: device.id, err: (err as Error).message },
              'push failed',
            );
          }
        }
      }
    } catch (err) {
      this.logger.warn({ req, err: (err as Error).message }, 'could not notify devices');
    }
  }
}
