// department/name: a unit named in words that departments.yaml does not declare: in an item text
// ("… Кадрлар бўлими билан …") or in a source note of `responsible`, where a name spelt differently from its
// declaration ("Йиғма бўлими", «комплаенс-назорат», "очиклигини") is reported against it.
import { placeIn, type LintContext, type Text } from '../context.js';
import { splitExecutors } from '../executors.js';
import { isUnitNoun, nameKey } from '../../uz/words.js';
import { defineRule, type Finding } from '../types.js';

/** A genitive that makes the unit another organisation's ("БМТнинг … бошқармаси"), unless it is the Agency's own. */
function foreignOwner(word: string | undefined): boolean {
  const w = (word ?? '').replace(/[,.]$/, '').toLowerCase();
  return w.endsWith('нинг') && w !== 'агентликнинг' && !w.endsWith('агентлигининг');
}

/** The declared names' keys, made once per registry rather than for every text. */
const keys = new WeakMap<object, string[]>();
const declaredKeys = (ctx: LintContext) =>
  keys.get(ctx.registry.departments) ??
  keys
    .set(
      ctx.registry.departments,
      ctx.registry.departments.map((d) => nameKey(d.name)),
    )
    .get(ctx.registry.departments)!;

function inProse(ctx: LintContext, text: Text): Finding[] {
  const out: Finding[] = [];
  const declared = declaredKeys(ctx);
  const words = [...text.value.matchAll(/\S+/gu)];
  words.forEach((w, i) => {
    if (!isUnitNoun(w[0])) return;
    const end = w.index + w[0].replace(/[.,;:]+$/, '').length;
    const upTo = nameKey(text.value.slice(0, end));
    if (declared.some((k) => upTo.endsWith(k))) return;
    // The name: back from the noun to its first capitalised word, not across punctuation, at most 8 words.
    let start = -1;
    for (let j = i - 1; j >= Math.max(0, i - 8); j--) {
      const word = words[j]![0];
      if (/[.;:,]$/.test(word)) break;
      if (foreignOwner(word)) return;
      if (/^[«“"]?\p{Lu}/u.test(word)) start = j;
    }
    if (start < 0) return;
    const name = text.value.slice(words[start]!.index, end);
    out.push({
      ...placeIn(text, words[start]!.index),
      field: text.field,
      message: `Unexpected unit \`${name}\` named in the text, expected a department declared in departments.yaml`,
      uz: `Матнда \`${name}\` бўлинмаси номланган, у departments.yaml файлида эълон қилинмаган`,
      found: name,
    });
  });
  return out;
}

function inNote(ctx: LintContext, text: Text): Finding[] {
  const out: Finding[] = [];
  let from = 0;
  for (const name of splitExecutors(text.value)) {
    const at = Math.max(0, text.value.indexOf(name, from));
    from = at + name.length;
    if (ctx.registry.departments.some((d) => d.name === name)) continue;
    const same = ctx.registry.departments.find((d) => nameKey(d.name) === nameKey(name));
    out.push({
      ...placeIn(text, at),
      field: text.field,
      message: same
        ? `Unexpected \`${name}\`, expected \`${same.name}\` as declared`
        : `Unexpected unit \`${name}\`, expected a department declared in departments.yaml`,
      uz: same ? `\`${name}\` ёзилган, эълон қилинганидек \`${same.name}\` бўлиши керак` : `\`${name}\` бўлинмаси departments.yaml файлида эълон қилинмаган`,
      found: name,
      ...(same ? { expected: same.name, related: { ...same.place, message: `${same.id} declared here`, uz: `${same.id} шу ерда эълон қилинган` } } : {}),
    });
  }
  return out;
}

export const departmentName = defineRule({
  id: 'department/name',
  summary: 'A unit named in words that departments.yaml does not declare, or spelt otherwise than declared',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    return ctx.texts.flatMap((t) => (t.kind === 'prose' ? inProse(ctx, t) : t.kind === 'note' && t.path[0] === 'responsible' ? inNote(ctx, t) : []));
  },
});
