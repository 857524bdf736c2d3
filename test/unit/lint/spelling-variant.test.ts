// spelling/variant: a word spelt two ways once ў/қ/ғ/ҳ are read as у/к/г/х.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { runLint } from '../../../src/lint/run.js';
import { projectConfig, ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('spelling/variant', () => {
  it('reports the spelling with fewer ў/қ/ғ/ҳ, pointing at the other', async () => {
    await fx.edit('items/12.yaml', 'ҳамда жиноятлар', 'хамда жиноятлар');
    expect(await ruleLines(fx, 'spelling/variant')).toEqual([
      `${await at(fx, 'items/12.yaml', 'хамда')}  warning  Unexpected \`хамда\` beside \`ҳамда\` elsewhere in the plan, expected one spelling (ў, қ, ғ, ҳ typed as у, к, г, х?) (mechanism)  spelling/variant\n` +
        `  ${await at(fx, 'items/05.yaml', 'ҳамда')}  \`ҳамда\` here`,
    ]);
  });

  it('says it in Uzbek', async () => {
    await fx.edit('items/12.yaml', 'ҳамда жиноятлар', 'хамда жиноятлар');
    expect((await ruleLines(fx, 'spelling/variant', {}, 'uz'))[0]).toContain('`хамда` ёзилган, режанинг бошқа жойида `ҳамда`: бир хил ёзилиши керак');
  });

  it('takes the spelling the stem vocabulary knows, or the far more frequent one, as the right one', async () => {
    // An over-marked ташқилот (more ў/қ/ғ/ҳ) against the plan's many ташкилот…
    await fx.edit('items/12.yaml', 'ташкилотларига кечиктириб', 'ташқилотларига кечиктириб');
    await fx.edit('items/12.yaml', 'ҳамда жиноятлар', 'ҳамда ташкилотларига жиноятлар');
    expect((await ruleLines(fx, 'spelling/variant')).map((l) => l.split('  ')[2])).toEqual([
      'Unexpected `ташқилотларига` beside `ташкилотларига` elsewhere in the plan, expected one spelling (ў, қ, ғ, ҳ typed for у, к, г, х?) (mechanism)',
    ]);
  });

  it('accepts the spellings lint.yaml keeps as signed (очиклик, хукукий, …): none on the shipped content', async () => {
    expect(await ruleLines(fx, 'spelling/variant')).toEqual([]);
  });

  it('reports them when lint.yaml does not accept them', async () => {
    const config = { ...(await projectConfig('spelling/variant')), accept: [] };
    const found = (await runLint(fx.dir, config)).diagnostics.map((d) => d.found!.toLowerCase());
    expect(new Set(found)).toEqual(new Set(['куйидагиларни', 'хукукий', 'очиклик', 'очикликни', 'очик', 'очиклигини']));
  });
});
