import { Delete, Get, HttpCode } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiProblems, RequestId, UuidParam } from '@simauth/http';
import { AdminAuth, AdminCaller, CurrentAdmin } from './admin-auth.guard';
import { AdminOperation, LIST } from './admin-routes';
import { AdminService } from './admin.service';
import { AdminApiController, Audited } from './audited';

/** A user's authenticator factors, and deleting one (account recovery). */
@AdminApiController()
export class AdminFactorsController {
  constructor(private readonly admin: AdminService) {}

  @Get('users/:id/factors')
  @AdminAuth()
  @AdminOperation('factors', "A user's authenticator factors")
  @ApiOkResponse({ description: 'The factors', ...LIST })
  @ApiProblems(400, 401, 403, 404)
  @Audited('user.factors')
  factors(@UuidParam() id: string) {
    return this.admin.factorsOfUser(id);
  }

  @Delete('factors/:id')
  @HttpCode(204)
  @AdminAuth()
  @AdminOperation('deleteFactor', 'Delete a factor (account recovery: the person enrols a new one)')
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 403, 404)
  @Audited('factor.delete')
  async deleteFactor(
    @UuidParam() id: string,
    @CurrentAdmin() caller: AdminCaller,
    @RequestId() requestId: string,
  ): Promise<void> {
    await this.admin.deleteFactor(id, { clientId: caller.clientId, requestId });
  }
}
