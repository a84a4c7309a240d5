import { Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiProblems, RequestValidationError, UuidParam } from '@simauth/http';
import { AdminAuth } from './admin-auth.guard';
import { AdminOperation, LIST } from './admin-routes';
import { AdminService } from './admin.service';
import { AdminApiController, Audited } from './audited';

/** Ids of the OpenID Provider's models: the library's random base64url strings. */
const OidcIdPipe = {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(value))
      throw new RequestValidationError([
        { field: 'id', message: 'must be an id from the list it came from' },
      ]);
    return value;
  },
};

/** A user's browser sessions and grants at the OpenID Provider, and revoking them. */
@AdminApiController()
export class AdminSessionsController {
  constructor(private readonly admin: AdminService) {}

  @Get('users/:id/sessions')
  @AdminAuth()
  @AdminOperation('sessions', "A user's browser sessions at the OpenID Provider")
  @ApiOkResponse({ description: 'The sessions', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.sessions')
  sessions(@UuidParam() id: string) {
    return this.admin.sessions(id);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @AdminAuth()
  @AdminOperation(
    'revokeSession',
    'End a session and revoke the grants given in it (their refresh tokens die)',
  )
  @ApiParam({ name: 'id', description: 'The session_id of a session in the list' })
  @ApiNoContentResponse({ description: 'Ended' })
  @ApiProblems(400, 401, 403, 404)
  @Audited('session.revoke')
  async revokeSession(@Param('id', OidcIdPipe) id: string): Promise<void> {
    await this.admin.revokeSession(id);
  }

  @Get('users/:id/grants')
  @AdminAuth()
  @AdminOperation('grants', "A user's grants: which apps may act for them, with which scopes")
  @ApiOkResponse({ description: 'The grants', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.grants')
  grants(@UuidParam() id: string) {
    return this.admin.grants(id);
  }

  @Delete('grants/:id')
  @HttpCode(204)
  @AdminAuth()
  @AdminOperation(
    'revokeGrant',
    'Revoke a grant: every access and refresh token under it dies at once',
  )
  @ApiParam({ name: 'id', description: 'The grant_id of a grant in the list' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(400, 401, 403, 404)
  @Audited('grant.revoke')
  async revokeGrant(@Param('id', OidcIdPipe) id: string): Promise<void> {
    await this.admin.revokeGrant(id);
  }
}
