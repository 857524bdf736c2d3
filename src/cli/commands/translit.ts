// `translit`: Uzbek Cyrillic on standard input, Uzbek Latin on standard output, line by line.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { transliterate } from '../../uz/translit.js';
import { EXIT, type Command } from '../command.js';
import { UsageError } from '../../errors.js';

export const translitCommand: Command = {
  name: 'translit',
  summary: 'Transliterate Uzbek Cyrillic text on standard input to Uzbek Latin',
  usage: "  --ascii          write oʻ, gʻ and the tutuq belgisi ʼ with the ASCII apostrophe '",
  async run(args, { out, stdin }) {
    const { values } = parseArgs({ args, options: { ascii: { type: 'boolean' } } });
    if (!stdin) throw new UsageError('translit reads the text from standard input, and there is none', true);
    const options = { apostrophes: values.ascii ? 'ascii' : 'unicode' } as const;
    const lines = createInterface({ input: stdin, crlfDelay: Infinity });
    for await (const line of lines) out.write(`${transliterate(line, options)}\n`);
    return EXIT.ok;
  },
};
