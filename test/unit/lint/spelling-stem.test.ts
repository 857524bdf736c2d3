// spelling/stem: a frequent stem with ў/қ/ғ/ҳ written with у/к/г/х, or the other way round.
import { describe, expect, it } from 'vitest';
import { stemSlip } from '../../../src/lint/rules/spelling-stem.js';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('spelling/stem', () => {
  it('reports a stem the plan spells only wrongly, with the word as meant', async () => {
    await fx.edit('items/31.yaml', 'норматив-ҳуқуқий ҳужжатларнинг', 'норматив-ҳуқуқий хужжатларнинг');
    expect(await ruleLines(fx, 'spelling/stem')).toEqual([
      `${await at(fx, 'items/31.yaml', 'хужжатларнинг')}  warning  Unexpected \`хужжатларнинг\`, expected \`ҳужжатларнинг\` (mechanism.steps[0])  spelling/stem`,
    ]);
  });

  it('names both stems where two fold alike, and marks over-marked letters too', async () => {
    await fx.edit('items/12.yaml', 'кўриб чиқилиши', 'курилиши');
    await fx.edit('items/31.yaml', 'Қонун ижодкорлиги', 'Қонун ижодкорлиги қўтилаётган');
    const lines = await ruleLines(fx, 'spelling/stem');
    expect(lines[0]).toContain('Unexpected `курилиши`, expected `кўрилиши` or `қурилиши`');
    expect(lines[1]).toContain('Unexpected `қўтилаётган`, expected `кутилаётган`');
  });

  it('knows the stems', () => {
    expect(stemSlip('Хукукий')).toEqual(['ҳуқуқ']);
    expect(stemSlip('ҳуқуқий')).toBeNull();
    expect(stemSlip('ташкилотлари')).toBeNull();
    expect(stemSlip('курашиш')).toBeNull();
  });

  it('accepts the words lint.yaml keeps as signed: none on the shipped content', async () => {
    expect(await ruleLines(fx, 'spelling/stem')).toEqual([]);
  });
});
