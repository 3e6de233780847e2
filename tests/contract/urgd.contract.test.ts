/**
 * The urgd model against the shared model contract (tests/contract/model-contract.ts), over
 * random valid scenarios: uncertain and time-varying URGD and growth, with or without drift.
 * It keeps no flow accounts (`accounting: 'none'`); its one contribution is the whole Δshare.
 */
import urgd from '../../models/urgd/index.js';
import { arbInfeasibleUrgdInput, arbUrgdInput } from '../models/urgd/arbitraries.js';
import { describeModelContract } from './model-contract.js';

describeModelContract('urgd', () => ({
  model: urgd,
  arbitrary: arbUrgdInput(),
  infeasible: arbInfeasibleUrgdInput(),
  accounting: 'none',
  numRuns: 50,
  draws: 3,
}));
