/**
 * The interpreter: compiles a verified MLIR module to JavaScript and runs it over the runtime
 * (checked memory, libc over real sockets, services). See ir2js.ts for how IR becomes JS.
 */
export { compileModule, type CompiledModule } from './ir2js.js';
export { runModule, type RunOptions } from './run.js';
export { instantiate, ProgramStopped, type Instance, type ProgramFunction } from './instantiate.js';
export { opTable, MODULE_LEVEL_OPS } from './opTable.js';
