/**
 * The committed WebAssembly build of the cohort step: bytes.ts holds exactly cohort.wasm, and,
 * where clang is installed, `npm run build:wasm` (scripts/wasm-build.mjs) rebuilds the same bytes
 * from the C. The rebuild is skipped with a message when clang is missing.
 */
import { COHORT_WASM_BASE64 } from '../../../../models/cohort/wasm/bytes.js';
import { describeCommittedWasm } from '../../../scripts/committed-wasm.js';

describeCommittedWasm('cohort', COHORT_WASM_BASE64);
