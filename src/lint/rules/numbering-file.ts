// numbering/file-name: an item file named after another number than the one it holds (`07.yaml` with
// `number: 6`), so the files no longer list in the order of the plan.
import { get, placeOf } from '../context.js';
import { defineRule, type Finding } from '../types.js';

export const numberingFile = defineRule({
  id: 'numbering/file-name',
  summary: 'An item file whose name is not its number (`NN.yaml`), so files and numbers run in different orders',
  defaultLevel: 'warn',
  fixable: false,
  check(ctx) {
    const out: Finding[] = [];
    for (const f of ctx.items) {
      const n = get(f.data, ['number']);
      if (typeof n !== 'number' || !Number.isInteger(n)) continue;
      const name = f.rel.slice('items/'.length);
      const want = `${String(n).padStart(2, '0')}.yaml`;
      if (name === want) continue;
      const named = /^(\d+)\.yaml$/.exec(name);
      const message =
        named && Number(named[1]) !== n
          ? `Unexpected number \`${n}\` in \`${name}\`, expected \`${Number(named[1])}\` as the file's name says (or rename the file to \`${want}\`)`
          : `Unexpected file name \`${name}\` for item ${n}, expected \`${want}\``;
      const uz =
        named && Number(named[1]) !== n
          ? `\`${name}\` файлида \`${n}\` рақами ёзилган, файл номидагидек \`${Number(named[1])}\` бўлиши керак (ёки файл номини \`${want}\` қилинг)`
          : `${n}-банд файлининг номи \`${name}\`, \`${want}\` бўлиши керак`;
      out.push({ ...placeOf(f, ['number']), field: 'number', message, uz, found: name, expected: want });
    }
    return out;
  },
});
