import { CanActivate, Controller, Get, Injectable, Post, Put, UseGuards } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import {
  LimitPerAttempt,
  LimitPerIp,
  LimitPerPhone,
  RateLimitGuard,
  SignedByProvider,
  postsWithoutRateLimit,
} from '../rate-limit.guard';

@Injectable()
class SomeAuthGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

@Controller('x')
class Routes {
  @Post('ip')
  @LimitPerIp()
  ip(): void {}

  @Post('phone')
  @UseGuards(SomeAuthGuard)
  @LimitPerPhone('x')
  phone(): void {}

  @Post('attempt')
  @LimitPerAttempt('x')
  @UseGuards(SomeAuthGuard)
  attempt(): void {}

  @Post('open')
  open(): void {}

  @Post('callback')
  @SignedByProvider('a provider')
  callback(): void {}

  @Post('auth-only')
  @UseGuards(SomeAuthGuard)
  authOnly(): void {}

  @Get('read')
  read(): void {}

  @Put('put')
  put(): void {}
}

describe('rate limits cover every POST', () => {
  it('lists the POST handlers without a limit, and only those', () => {
    expect(postsWithoutRateLimit([Routes])).toEqual(['Routes.open', 'Routes.authOnly']);
  });

  it('runs the limit before authentication, whatever the order of the decorators', () => {
    const guardsOf = (name: keyof Routes) =>
      Reflect.getMetadata(GUARDS_METADATA, Routes.prototype[name]) as unknown[];
    expect(guardsOf('phone')).toEqual([RateLimitGuard, SomeAuthGuard]);
    expect(guardsOf('attempt')).toEqual([RateLimitGuard, SomeAuthGuard]);
    expect(guardsOf('ip')).toEqual([RateLimitGuard]);
  });

  it('checks the POST handlers a controller inherits too', () => {
    @Controller('z')
    class Derived extends Routes {}
    expect(postsWithoutRateLimit([Derived])).toEqual(['Derived.open', 'Derived.authOnly']);
  });

  it('refuses a POST limited both per phone and per attempt (a request counts two counters)', () => {
    @Controller('w')
    class Both {
      @Post(':id')
      @LimitPerPhone('x')
      @LimitPerAttempt('x')
      both(): void {}
    }
    expect(postsWithoutRateLimit([Both])).toEqual([
      'Both.both (limited both per phone and per attempt)',
    ]);
  });

  it('does not count a class-level authentication guard as a limit', () => {
    @Controller('y')
    @UseGuards(SomeAuthGuard)
    class Guarded {
      @Post()
      @LimitPerIp()
      post(): void {}
    }
    expect(postsWithoutRateLimit([Guarded])).toEqual(['Guarded.post']);
  });
});
