/**
 * The census catalogue: prefecture-level units with their 2010 and 2020 census figures and
 * pyramids, and looking a unit up by name.
 *
 * @module
 */
export { loadCatalogue, hasUrbanFigures, CATALOGUE_FILE, type Catalogue, type CensusUnit, type CensusFigures } from './catalogue.js';
export { pyramidOf, PYRAMID_FILE, type CensusPyramid } from './pyramid.js';
export { findRegion, closeMatches, RegionLookupError } from './find-region.js';
export { nameStem, normalisePinyin, editDistance } from './names.js';
export { loadProvinces, provinceCoverage, PROVINCES_FILE, type Province, type Coverage } from './provinces.js';
export { findPlace, type Place } from './find-place.js';
