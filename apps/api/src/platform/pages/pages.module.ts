import { Module } from '@nestjs/common';
import { LogosModule } from '../logos/logos.module';
import { PagesController } from './pages.controller';

@Module({ imports: [LogosModule], controllers: [PagesController] })
export class PagesModule {}
