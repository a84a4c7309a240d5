import 'reflect-metadata';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AdminModule } from './admin.module';
import { auditRuleOf } from './audited';

describe('admin audit rules', () => {
  const controllers: (new (...args: never[]) => object)[] = Reflect.getMetadata(
    MODULE_METADATA.CONTROLLERS,
    AdminModule,
  );
  const routes = controllers.flatMap((controller) =>
    Object.getOwnPropertyNames(controller.prototype)
      .map((name) => ({
        name: `${controller.name}.${name}`,
        handler: (controller.prototype as Record<string, object>)[name],
      }))
      .filter(
        ({ handler }) =>
          Reflect.getMetadata(PATH_METADATA, handler) !== undefined &&
          Reflect.getMetadata(METHOD_METADATA, handler) !== undefined,
      ),
  );

  it('finds the routes of every admin controller', () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it('gives every admin route an @Audited rule, so that every call is on record', () => {
    expect(routes.filter(({ handler }) => !auditRuleOf(handler)).map((r) => r.name)).toEqual([]);
  });
});
