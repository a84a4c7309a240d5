import { Module } from '@nestjs/common';
import { AttemptChangeListener } from './attempt-change-listener';
import { AttemptRepository } from './attempt.repository';
import { AttemptStateMachine } from './attempt-state-machine';
import { AttemptSweeper } from './attempt-sweeper';

@Module({
  providers: [AttemptRepository, AttemptStateMachine, AttemptChangeListener, AttemptSweeper],
  exports: [AttemptStateMachine, AttemptChangeListener, AttemptSweeper],
})
export class AttemptsModule {}
