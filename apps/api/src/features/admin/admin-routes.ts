import { ApiOperation } from '@nestjs/swagger';

/** An answer documented as one JSON object. */
export const OBJECT = { schema: { type: 'object' as const } };
/** An answer documented as a JSON array of objects. */
export const LIST = { schema: { type: 'array' as const, items: { type: 'object' as const } } };

/**
 * An admin route's summary, under the operation id it had when the admin API was one controller
 * (AdminController): clients generated from the OpenAPI document keep their method names.
 */
export const AdminOperation = (method: string, summary: string) =>
  ApiOperation({ summary, operationId: `AdminController_${method}` });
