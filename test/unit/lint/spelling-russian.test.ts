// spelling/russian: ы, щ, Russian endings, and "ии" for "ий" in lower-case Uzbek words.
import { describe, expect, it } from 'vitest';
import { at } from '../../fixtures/lint.js';
import { contentPerTest } from '../../support/content-fixture.js';
import { ruleLines } from './project-rules.js';

const fx = contentPerTest();

describe('spelling/russian', () => {
  it('reports ы and щ in an Uzbek word', async () => {
    await fx.edit('items/31.yaml', 'амалий семинарлар', 'амалый семинарлар');
    expect(await ruleLines(fx, 'spelling/russian')).toEqual([
      `${await at(fx, 'items/31.yaml', 'ый семинарлар')}  warning  Unexpected Russian \`ы\` in \`амалый\`, expected Uzbek letters (mechanism.steps[1])  spelling/russian`,
    ]);
  });

  it('reports a Russian ending, and "ии" for "ий" (fixable)', async () => {
    await fx.edit('items/31.yaml', 'ҳуқуқий маданияти', 'ҳуқуқии маданияти');
    await fx.edit('items/30.yaml', 'матбуот анжумани', 'матбуотная анжумани');
    expect(await ruleLines(fx, 'spelling/russian')).toEqual([
      `${await at(fx, 'items/30.yaml', 'матбуотная')}  warning  Unexpected Russian ending \`-ая\` in \`матбуотная\`, expected an Uzbek form (mechanism)  spelling/russian`,
      `${await at(fx, 'items/31.yaml', 'и маданияти')}  warning  Unexpected \`ҳуқуқии\`, expected \`ҳуқуқий\` (и typed for й) (measure)  spelling/russian`,
    ]);
  });

  it('accepts loanwords and names, and the shipped content', async () => {
    expect(await ruleLines(fx, 'spelling/russian')).toEqual([]);
    await fx.edit('items/31.yaml', 'амалий семинарлар', 'амалий семинарлар (Выставка, ящик)');
    expect(await ruleLines(fx, 'spelling/russian')).toEqual([]);
  });
});
