// Splitting an executors cell into unit names: the names follow one another separated by a line break, a
// comma, or only a space ("… йиғма бўлими Барча таркибий тармоқлар"); a name ends with a unit noun
// ("бошқармаси", "бўлими", …) when the next word starts with a capital. A comma inside a name stays
// ("Жамоатчилик билан алоқалар, мурожаатлар билан …").
import { isUnitNoun } from '../uz/words.js';

const capital = (w: string | undefined) => !!w && /^[«“"]?\p{Lu}/u.test(w);

export function splitExecutors(cell: string): string[] {
  const names: string[] = [];
  for (const line of cell.split(/\n+/)) {
    const words = line.split(/\s+/).filter(Boolean);
    let current: string[] = [];
    words.forEach((w, i) => {
      current.push(w);
      const next = words[i + 1];
      if (isUnitNoun(w) && (capital(next) || w.endsWith(','))) {
        names.push(current.join(' ').replace(/[,;]$/, ''));
        current = [];
      }
    });
    if (current.length) names.push(current.join(' ').replace(/[,;]$/, ''));
  }
  return names.filter((n) => n.trim());
}
