/**
 * The default demo borough: about 99,000 children aged 0–17 and six years of history, the size of the borough
 * whose published figures the demo is calibrated to (Barnet's, 2017–2019: src/synth/calibration.test.ts).
 */
export const DEMO_DEFAULTS = { seed: 1, childPopulation: 99_000, years: 6 } as const;
