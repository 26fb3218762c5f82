/**
 * The borough's child population (ONS mid-year estimate style): children aged 0–17 by single year of age, sex
 * and broad ethnic group, for each year of the history. Ethnic shares are Barnet's (53/11/13/12/12, normalised);
 * 51.2% of children are boys (ONS England); younger ages are slightly larger; the population grows about 0.5% a
 * year up to `childPopulation` in the last year. Counts are whole numbers that add up exactly (largest remainder).
 */
import { ETHNIC_GROUPS } from '../domain/code-lists';
import { POPULATION_ETHNIC_SHARES } from './parameters';

export interface PopulationRow {
  year: number;
  age: number;
  sex: 'M' | 'F';
  group: string;
  count: number;
}

export function childPopulation(total: number, firstYear: number, lastYear: number): PopulationRow[] {
  const rows: PopulationRow[] = [];
  const groupTotal = ETHNIC_GROUPS.reduce((s, g) => s + POPULATION_ETHNIC_SHARES[g], 0);
  for (let year = firstYear; year <= lastYear; year++) {
    const yearTotal = Math.round(total * Math.pow(1.005, year - lastYear));
    const cells: Array<{ age: number; sex: 'M' | 'F'; group: string; weight: number }> = [];
    for (let age = 0; age <= 17; age++) {
      const ageWeight = age <= 4 ? 1.04 : age <= 11 ? 1 : 0.97;
      for (const sex of ['M', 'F'] as const) {
        for (const group of ETHNIC_GROUPS) {
          cells.push({
            age,
            sex,
            group,
            weight: ageWeight * (sex === 'M' ? 0.512 : 0.488) * (POPULATION_ETHNIC_SHARES[group] / groupTotal),
          });
        }
      }
    }
    const sum = cells.reduce((s, c) => s + c.weight, 0);
    const exact = cells.map((c) => (c.weight / sum) * yearTotal);
    const counts = exact.map(Math.floor);
    let left = yearTotal - counts.reduce((s, n) => s + n, 0);
    const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    for (const [, i] of order) {
      if (left-- <= 0) break;
      counts[i] = (counts[i] as number) + 1;
    }
    cells.forEach((c, i) => rows.push({ year, age: c.age, sex: c.sex, group: c.group, count: counts[i] as number }));
  }
  return rows;
}
