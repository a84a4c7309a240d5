import { Module } from '@nestjs/common';
import { LogoStore } from './logo-store';
import { LogosController } from './logos.controller';
import { Logos } from './logos.service';

/** BRAND_LOGO_URL and the clients' logo_uri: fetched by simauth, kept, served from its origin. */
@Module({ controllers: [LogosController], providers: [Logos, LogoStore], exports: [Logos] })
export class LogosModule {}
