import { Module } from '@nestjs/common';
import { AttemptChangeListener } from './attempt-change-listener';
import { AttemptHistory } from './attempt-history';
import { AttemptRepository } from './attempt.repository';
import { AttemptStateMachine } from './attempt-state-machine';
import { AttemptSweeper } from './attempt-sweeper';

@Module({
  providers: [
    AttemptRepository,
    AttemptStateMachine,
    AttemptChangeListener,
    AttemptSweeper,
    AttemptHistory,
  ],
  exports: [AttemptStateMachine, AttemptChangeListener, AttemptSweeper, AttemptHistory],
})
export class AttemptsModule {}
