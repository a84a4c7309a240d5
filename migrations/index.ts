import { CreateAttempts1764043200000 } from './1764043200000-CreateAttempts';
import { CreateUsersAndDevices1764046800000 } from './1764046800000-CreateUsersAndDevices';
import { CreateSigningKeys1764050400000 } from './1764050400000-CreateSigningKeys';
import { CreateFactors1764054000000 } from './1764054000000-CreateFactors';
import { CreateRateLimits1764057600000 } from './1764057600000-CreateRateLimits';
import { CreateOidcModels1764489600000 } from './1764489600000-CreateOidcModels';
import { CreateJwtSigningKeys1764493200000 } from './1764493200000-CreateJwtSigningKeys';
import { AddAttemptLeases1764835200000 } from './1764835200000-AddAttemptLeases';
import { CreateFactorCodeUses1764838800000 } from './1764838800000-CreateFactorCodeUses';
import { CreateApiInstances1764842400000 } from './1764842400000-CreateApiInstances';
import { AddDeviceProof1764846000000 } from './1764846000000-AddDeviceProof';
import { CreateWebhookOutbox1764849600000 } from './1764849600000-CreateWebhookOutbox';
import { AddAdmin1764853200000 } from './1764853200000-AddAdmin';
import { AddAuditExport1764856800000 } from './1764856800000-AddAuditExport';
import { AddAttemptWatch1764860400000 } from './1764860400000-AddAttemptWatch';
import { CreateWebhookEndpoints1764864000000 } from './1764864000000-CreateWebhookEndpoints';
import { SealJwtSigningKeys1796589813826 } from './1796589813826-SealJwtSigningKeys';
import { AddWebhookOutboxEndpointDue1796592000000 } from './1796592000000-AddWebhookOutboxEndpointDue';
import { AddDeviceLocale1796595600000 } from './1796595600000-AddDeviceLocale';
import { CreateLogos1796617470153 } from './1796617470153-CreateLogos';
import { AddAttemptEventProvider1796621100000 } from './1796621100000-AddAttemptEventProvider';

/**
 * Every migration, oldest first. Listed explicitly so the compiled app, the TypeORM runner and
 * the tests load the same set without globbing file extensions; a test checks nothing is missing.
 */
export const MIGRATIONS = [
  CreateAttempts1764043200000,
  CreateUsersAndDevices1764046800000,
  CreateSigningKeys1764050400000,
  CreateFactors1764054000000,
  CreateRateLimits1764057600000,
  CreateOidcModels1764489600000,
  CreateJwtSigningKeys1764493200000,
  AddAttemptLeases1764835200000,
  CreateFactorCodeUses1764838800000,
  CreateApiInstances1764842400000,
  AddDeviceProof1764846000000,
  CreateWebhookOutbox1764849600000,
  AddAdmin1764853200000,
  AddAuditExport1764856800000,
  AddAttemptWatch1764860400000,
  CreateWebhookEndpoints1764864000000,
  SealJwtSigningKeys1796589813826,
  AddWebhookOutboxEndpointDue1796592000000,
  AddDeviceLocale1796595600000,
  CreateLogos1796617470153,
  AddAttemptEventProvider1796621100000,
];
