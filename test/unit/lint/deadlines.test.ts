// deadline/period, deadline/steps.
import { describe, expect, it } from 'vitest';
import { at, lintLines } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';

const fx = contentPerTest();

describe('deadline/period', () => {
  it("reports a deadline outside the plan's period and points at the period", async () => {
    await fx.edit('items/05.yaml', 'deadlines: [2024-02, 2024-03, 2024-04]', 'deadlines: [2024-02, 2024-03, 2024-08]');
    await fx.edit('items/12.yaml', 'deadline: 2024 quarterly', 'deadline: 2025 quarterly');
    expect(await lintLines(fx, 'deadline/period')).toEqual([
      `${await at(fx, 'items/05.yaml', '2024-08')}  error  Unexpected deadline \`2024-08\` outside the plan's period, expected one within 2024-01..2024-06 (deadlines[2])  deadline/period\n  ${await at(fx, 'plan.yaml', 'start')}  the plan's period`,
      `${await at(fx, 'items/12.yaml', '2025 quarterly')}  error  Unexpected deadline \`2025 quarterly\` outside the plan's period, expected one within 2024-01..2024-06 (deadline)  deadline/period\n  ${await at(fx, 'plan.yaml', 'start')}  the plan's period`,
    ]);
  });

  it('accepts deadlines within the period, quarterly and continuous ones', async () => {
    expect(await lintLines(fx, 'deadline/period')).toEqual([]);
  });
});

describe('deadline/steps', () => {
  it('reports step deadlines that do not match the steps, pointing at the steps', async () => {
    await fx.edit('items/08.yaml', 'deadlines: [2024-02, 2024-02, 2024-03]', 'deadlines: [2024-02, 2024-03]');
    expect(await lintLines(fx, 'deadline/steps')).toEqual([
      `${await at(fx, 'items/08.yaml', '[2024-02, 2024-03]')}  error  Unexpected 2 deadlines for 3 steps, expected one deadline per step (deadlines)  deadline/steps\n  ${await at(fx, 'items/08.yaml', '- >-')}  the steps`,
    ]);
  });

  it('accepts one deadline per step (item 8: February, February, March)', async () => {
    expect(await lintLines(fx, 'deadline/steps')).toEqual([]);
  });
});
