#!/usr/bin/env node
/**
 * Regenerates the plan scenarios' calibrated parts (scenarios/{heze,jining,jinan,shandong}.yml and
 * scenarios/data/*_age.csv) with the product's calibration (src/calibration/plan-scenarios.ts).
 *
 *   npm run calibrate:plans
 *
 * @module
 */
import { writePlanScenarios } from '../dist/src/calibration/plan-scenarios.js';

for (const f of writePlanScenarios()) console.log(`wrote ${f}`);
