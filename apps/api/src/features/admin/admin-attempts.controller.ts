import { Get, Query } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { ApiProblems, UuidParam } from '@simauth/http';
import { AdminAuth } from './admin-auth.guard';
import { AdminOperation, OBJECT } from './admin-routes';
import { AdminService } from './admin.service';
import { AdminApiController, Audited } from './audited';
import { AttemptSearchQuery, Page } from './dto/admin.dto';

/** Attempts: search them, read one with every move it made. */
@AdminApiController()
export class AdminAttemptsController {
  constructor(private readonly admin: AdminService) {}

  @Get('attempts')
  @AdminAuth()
  @AdminOperation(
    'searchAttempts',
    'Search attempts by number, user, kind, status and time, newest first',
  )
  @ApiOkResponse({ description: 'A page of attempts', type: Page })
  @ApiProblems(400, 401, 403)
  // The number as searched for, in canonical form.
  @Audited<AttemptSearchQuery>('attempt.search', {
    query: AttemptSearchQuery,
    target: ({ query }) => query.user_id ?? query.phone_number ?? null,
  })
  searchAttempts(@Query() query: AttemptSearchQuery) {
    return this.admin.searchAttempts(query);
  }

  @Get('attempts/:id')
  @AdminAuth()
  @AdminOperation('attempt', 'An attempt with every move it made')
  @ApiOkResponse({ description: 'The attempt and its events', ...OBJECT })
  @ApiProblems(400, 401, 403, 404)
  @Audited('attempt.read')
  attempt(@UuidParam() id: string) {
    return this.admin.attempt(id);
  }
}
