/** The runtime services' public surface: the table, the context, the Service shape. */
export { services, lookupService, EXTRA_RUNTIME_SYMBOLS } from './table.js';
export { createServiceContext, siteOf, type ServiceContext, type ServiceContextOptions } from './context.js';
export type { Service } from './service.js';
