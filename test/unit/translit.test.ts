// Uzbek Cyrillic → Latin: a table of words and sentences from the official rules, public dictionaries and
// our own content, the whole content/ folder, and the `translit` command.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { translitCommand } from '../../src/cli/commands/translit.js';
import { EXIT } from '../../src/cli/command.js';
import { UsageError } from '../../src/errors.js';
import { hyphenateNumerals } from '../../src/editions/editions.js';
import { EXCEPTIONS } from '../../src/uz/translit-exceptions.js';
import { transliterate } from '../../src/uz/translit.js';

type Pair = readonly [cyrillic: string, latin: string];

// "O'zbek tilining asosiy imlo qoidalari" (Cabinet of Ministers resolution No. 339, 24.08.1995), the appendix
// ("Imlo qoidalari"ga ilova) on how Cyrillic letters are written in Latin: its own example pairs.
// ё ю я after a consonant: "mostly" o u a (стажёр – stajor, бюджет – budjet, фляга – flaga), "partly" yo yu ya
// (плёнка – plyonka, бюрократ – byurokrat); the o u a words are rows of src/uz/translit-exceptions.ts.
const APPENDIX_1995: Pair[] = [
  ['стажёр', 'stajor'],
  ['бюджет', 'budjet'],
  ['маъюс', 'maʼyus'],
  ['меъёрий', 'meʼyoriy'],
  ['ёмғир', 'yomgʻir'],
  ['заём', 'zayom'],
  ['ютуқ', 'yutuq'],
  ['юрист', 'yurist'],
  ['яхши', 'yaxshi'],
  ['ядро', 'yadro'],
  ['плёнка', 'plyonka'],
  ['бюрократ', 'byurokrat'],
  ['славян', 'slavyan'],
  ['фляга', 'flaga'],
  ['альбом', 'albom'],
  ['апрель', 'aprel'],
  ['интервью', 'intervyu'],
  ['фортепьяно', 'fortepyano'],
  ['премьера', 'premyera'],
  ['павильон', 'pavilyon'],
  ['Ильин', 'Ilyin'],
  ['разъезд', 'razyezd'],
  ['адъютант', 'adyutant'],
  ['маъно', 'maʼno'],
  ['санъат', 'sanʼat'],
  ['кварц', 'kvars'],
  ['целлофан', 'sellofan'],
  ['антициклон', 'antisiklon'],
  ['конструкция', 'konstruksiya'],
  ['глицерин', 'glitserin'],
  ['конституция', 'konstitutsiya'],
  ['община', 'obshina'],
  ['ямщик', 'yamshik'],
  ['мещан', 'meshshan'],
  ['вымпел', 'vimpel'],
  ['вышка', 'vishka'],
];

// The 1995 rules themselves (Latin examples of the letter rules, the tutuq belgisi, sʼh, and rule 79 on
// abbreviations), with the summary of what changed from the 1956 Cyrillic rules (цирк – sirk, абзац –
// abzas, лицей – litsey, акция – aksiya; "1995-yil 24-avgust, 1993-yil 2-sentabr").
const RULES_1995: Pair[] = [
  ['ака', 'aka'],
  ['алоқа', 'aloqa'],
  ['оға', 'ogʻa'],
  ['сентябрь', 'sentabr'],
  ['ноябрь', 'noyabr'],
  ['баҳор', 'bahor'],
  ['замон', 'zamon'],
  ['она', 'ona'],
  ['поезд', 'poyezd'],
  ['тонна', 'tonna'],
  ['агроном', 'agronom'],
  ['директор', 'direktor'],
  ['ўтин', 'oʻtin'],
  ['ўрик', 'oʻrik'],
  ['ўзбек', 'oʻzbek'],
  ['ўсимлик', 'oʻsimlik'],
  ['дўппи', 'doʻppi'],
  ['ноўрин', 'nooʻrin'],
  ['гулкўрпа', 'gulkoʻrpa'],
  ['шоир', 'shoir'],
  ['театр', 'teatr'],
  ['мудофаа', 'mudofaa'],
  ['таажжуб', 'taajjub'],
  ['қишлоқ', 'qishloq'],
  ['чироқ', 'chiroq'],
  ['феъл', 'feʼl'],
  ['эълон', 'eʼlon'],
  ['шеър', 'sheʼr'],
  ['аъло', 'aʼlo'],
  ['аъзо', 'aʼzo'],
  ['таъна', 'taʼna'],
  // "Mo'jiza, mo'tadil, mo'tabar kabi so'zlarda tutuq belgisi qo'yilmaydi."
  ['мўъжиза', 'moʻjiza'],
  ['мўътадил', 'moʻtadil'],
  ['мўътабар', 'moʻtabar'],
  // s and h read apart are divided by the tutuq belgisi.
  ['Исҳоқ', 'Isʼhoq'],
  ['мусҳаф', 'musʼhaf'],
  ['асҳоб', 'asʼhob'],
  ['цирк', 'sirk'],
  ['абзац', 'abzas'],
  ['лицей', 'litsey'],
  ['акция', 'aksiya'],
  ['1995-йил 24-август', '1995-yil 24-avgust'],
  ['1993-йил 2-сентябрь', '1993-yil 2-sentabr'],
  ['АҚШ', 'AQSH'],
  ['БМТ', 'BMT'],
  ['ТошДУ', 'ToshDU'],
];

// Uzbek Wikipedia, "Vikipediya:Oʻzbek lotin alifbosi qoidalari" (rules and examples for Ts, Ye, X/H and
// capital letters).
const WIKIPEDIA_RULES: Pair[] = [
  ['цех', 'sex'],
  ['федерация', 'federatsiya'],
  ['функция', 'funksiya'],
  ['енгил', 'yengil'],
  ['етти', 'yetti'],
  ['Низоев', 'Nizoyev'],
  ['қаерда', 'qayerda'],
  ['дорихона', 'dorixona'],
  ['жаҳон', 'jahon'],
  ['БАРЧАМИЗНИ', 'BARCHAMIZNI'],
  ['ЧИҚИШ', 'CHIQISH'],
  ['Шаҳар', 'Shahar'],
];

// Uzbek Wikipedia article titles (uz.wikipedia.org, Latin) and their Cyrillic originals.
const WIKIPEDIA_TITLES: Pair[] = [
  ['Тошкент', 'Toshkent'],
  ['Самарқанд', 'Samarqand'],
  ['Фарғона', 'Fargʻona'],
  ['Андижон', 'Andijon'],
  ['Наманган', 'Namangan'],
  ['Бухоро', 'Buxoro'],
  ['Хоразм', 'Xorazm'],
  ['Қорақалпоғистон', 'Qoraqalpogʻiston'],
  ['Сирдарё', 'Sirdaryo'],
  ['Жиззах', 'Jizzax'],
  ['Қашқадарё', 'Qashqadaryo'],
  ['Сурхондарё', 'Surxondaryo'],
  ['Хива', 'Xiva'],
  ['Шаҳрисабз', 'Shahrisabz'],
  ['Қўқон', 'Qoʻqon'],
  ['Марғилон', 'Margʻilon'],
  ['Чирчиқ', 'Chirchiq'],
  ['Мўйноқ', 'Moʻynoq'],
  ['Ғиждувон', 'Gʻijduvon'],
  ['Ўрта Осиё', 'Oʻrta Osiyo'],
  ['Алишер Навоий', 'Alisher Navoiy'],
  ['Амир Темур', 'Amir Temur'],
  ['Мирзо Улуғбек', 'Mirzo Ulugʻbek'],
  ['Заҳириддин Муҳаммад Бобур', 'Zahiriddin Muhammad Bobur'],
  ['Абдулла Қодирий', 'Abdulla Qodiriy'],
  ['Чўлпон', 'Choʻlpon'],
  ['Ғафур Ғулом', 'Gʻafur Gʻulom'],
  ['Аҳмад Яссавий', 'Ahmad Yassaviy'],
  ['Шавкат Мирзиёев', 'Shavkat Mirziyoyev'],
  ['Европа', 'Yevropa'],
  ['Россия', 'Rossiya'],
  ['Япония', 'Yaponiya'],
  ['Вьетнам', 'Vyetnam'],
  ['Франция', 'Fransiya'],
  ['Швейцария', 'Shveysariya'],
  ['Греция', 'Gretsiya'],
  ['Венеция', 'Venetsiya'],
  ['Польша', 'Polsha'],
  ['Ереван', 'Yerevan'],
  ['Енисей', 'Yenisey'],
  ['Ер', 'Yer'],
  ['Қуёш', 'Quyosh'],
  ['Юпитер', 'Yupiter'],
  ['Компьютер', 'Kompyuter'],
  ['Конференция', 'Konferensiya'],
  ['Революция', 'Revolyutsiya'],
  ['Цивилизация', 'Sivilizatsiya'],
];

// е: ye at the start of a word and after a vowel or ъ/ь, e after a consonant (1995 rules and appendix;
// э stays e even after a vowel: Orif Tolib, "E harfli soʻzlar imlosi", oriftolib.uz).
const YE: Pair[] = [
  ['реестр', 'reyestr'],
  ['проект', 'proyekt'],
  ['клиент', 'kliyent'],
  ['объект', 'obyekt'],
  ['субъект', 'subyekt'],
  ['съезд', 'syezd'],
  ['подъезд', 'podyezd'],
  ['пьеса', 'pyesa'],
  ['браконьер', 'brakonyer'],
  ['кел', 'kel'],
  ['телефон', 'telefon'],
  ['мева', 'meva'],
  ['Мирзаев', 'Mirzayev'],
  ['Эргаш', 'Ergash'],
  ['поэзия', 'poeziya'],
  ['дуэт', 'duet'],
  ['алоэ', 'aloe'],
  ['эчкиэмар', 'echkiemar'],
  ['иқтисодиёт', 'iqtisodiyot'],
];

// ц: s at the start, at the end of the stem (also before a suffix) and after a consonant; ts after a vowel
// inside the stem (appendix 4; the dictionary list of kodchi/uzbek-transliterator: pitssa, botsman, vitse-).
const TS: Pair[] = [
  ['абзацда', 'abzasda'],
  ['абзацлар', 'abzaslar'],
  ['кварцни', 'kvarsni'],
  ['пицца', 'pitssa'],
  ['боцман', 'botsman'],
  ['милиция', 'militsiya'],
  ['полиция', 'politsiya'],
  ['процент', 'protsent'],
  ['медицина', 'meditsina'],
  ['коэффициент', 'koeffitsiyent'],
  ['пациент', 'patsiyent'],
  ['вакцина', 'vaksina'],
  ['концерт', 'konsert'],
  ['концепция', 'konsepsiya'],
  ['станция', 'stansiya'],
  ['инвестиция', 'investitsiya'],
  ['лицензия', 'litsenziya'],
  ['офицер', 'ofitser'],
  ['мотоцикл', 'mototsikl'],
  ['вице-президент', 'vitse-prezident'],
  ['акциядорлик', 'aksiyadorlik'],
];

// ё ю я after a consonant are yo yu ya unless the exceptions table says o u a (бюджет → budjet, as government
// texts write it since 2024: "Davlat budjeti"); ь before е ё ю я is dropped and before о и stands for y
// (appendix 2). ъ before е ё ю я is dropped after a consonant (Russian words) and kept after a vowel (Arabic).
const IOTATED: Pair[] = [
  ['самолёт', 'samolyot'],
  ['актёр', 'aktyor'],
  ['бюро', 'byuro'],
  ['бюджетдан', 'budjetdan'],
  ['Давлат бюджети', 'Davlat budjeti'],
  ['меню', 'menyu'],
  ['маъюслик', 'maʼyuslik'],
  ['объектлар', 'obyektlar'],
  ['люкс', 'lyuks'],
  ['коньяк', 'konyak'],
  ['статья', 'statya'],
  ['бульон', 'bulyon'],
  ['почтальон', 'pochtalyon'],
  ['Ильич', 'Ilyich'],
  ['мебель', 'mebel'],
];

// Month names and the words of dates (the exceptions table; the forms used by locale.yaml elsewhere).
const DATES: Pair[] = [
  ['январь', 'yanvar'],
  ['февраль', 'fevral'],
  ['март', 'mart'],
  ['май', 'may'],
  ['июнь', 'iyun'],
  ['июль', 'iyul'],
  ['август', 'avgust'],
  ['октябрь', 'oktabr'],
  ['декабрь', 'dekabr'],
  ['январда', 'yanvarda'],
  ['февралдан', 'fevraldan'],
  ['июлгача', 'iyulgacha'],
  ['Октябрдан', 'Oktabrdan'],
  ['СЕНТЯБРЬ', 'SENTABR'],
  ['сентябрь-октябрь', 'sentabr-oktabr'],
  ['2024 йил 4 январь', '2024 yil 4 yanvar'],
  ['2024-йил 4-январь', '2024-yil 4-yanvar'],
  ['27.11.2023 й.', '27.11.2023 y.'],
  ['ЙИЛ', 'YIL'],
];

// Capitals: digraphs are all capitals in all-caps words and abbreviations, capitalised in capitalised words
// and initials (uz.wikipedia rules above; Orif Tolib, "Sh, Ch yoki SH, CH", oriftolib.uz). uz.wikipedia
// lists both MChJ and MCHJ for МЧЖ; we write MCHJ like every other all-caps word.
const CAPITALS: Pair[] = [
  ['ШАҲАР', 'SHAHAR'],
  ['Чора', 'Chora'],
  ['ЧОРА', 'CHORA'],
  ['Ўзбекистон', 'Oʻzbekiston'],
  ['ЎЗБЕКИСТОН', 'OʻZBEKISTON'],
  ['ҒАЛАБА', 'GʻALABA'],
  ['Ғалаба', 'Gʻalaba'],
  ['ЁШЛАР', 'YOSHLAR'],
  ['Ёшлар', 'Yoshlar'],
  ['ЮНЕСКО', 'YUNESKO'],
  ['ЕВРОПА', 'YEVROPA'],
  ['ЯНГИ', 'YANGI'],
  ['Янги', 'Yangi'],
  ['ЦЕХ', 'SEX'],
  ['ИСҲОҚ', 'ISʼHOQ'],
  ['МАЪНО', 'MAʼNO'],
  ['Ш. Мирзиёев', 'Sh. Mirziyoyev'],
  ['Ю.', 'Yu.'],
  ['ЎзР', 'OʻzR'],
  ['МЧЖ', 'MCHJ'],
  ['ПФ', 'PF'],
];

// The Agency's work plan: our content/ and the wording of its Latin edition.
const AGENCY_PLAN: Pair[] = [
  ['Ўзбекистон Республикаси Президентининг 29.06.2020 й. ПФ-6013-сон Фармони', 'Oʻzbekiston Respublikasi Prezidentining 29.06.2020 y. PF-6013-son Farmoni'],
  ['Коррупцияга қарши курашиш агентлиги', 'Korrupsiyaga qarshi kurashish agentligi'],
  ['“E-Anticor.uz” электрон платформаси', '“E-Anticor.uz” elektron platformasi'],
  ['ПФ-6013-сон', 'PF-6013-son'],
  ['ПҚ-81-сон', 'PQ-81-son'],
  ['Фармони', 'Farmoni'],
  ['Қарорлари', 'Qarorlari'],
  ['ТАСДИҚЛАЙМАН', 'TASDIQLAYMAN'],
  ['“ТАСДИҚЛАЙМАН”', '“TASDIQLAYMAN”'],
  ['коррупция', 'korrupsiya'],
  ['2024 йил I ярим йиллигига мўлжалланган', '2024 yil I yarim yilligiga moʻljallangan'],
  ['ИШ РЕЖАСИ', 'ISH REJASI'],
  ['Масъул ижрочилар', 'Masʼul ijrochilar'],
  ['Норматив-ҳуқуқий асоси', 'Normativ-huquqiy asosi'],
  ['Чора-тадбирлар номи', 'Chora-tadbirlar nomi'],
  ['“комплаенс-назорат” тизимини', '“komplayens-nazorat” tizimini'],
  ['БМТ Коррупцияга қарши конвенцияси', 'BMT Korrupsiyaga qarshi konvensiyasi'],
  ['маълумотларни таъминлаш', 'maʼlumotlarni taʼminlash'],
  ['А. Бурханов', 'A. Burxanov'],
  ['«Коррупциясиз соҳа»', '«Korrupsiyasiz soha»'],
  ['ассоциацияси', 'assotsiatsiyasi'],
  ['бенефициар', 'benefitsiar'],
  ['реестрига', 'reyestriga'],
  ['Администрацияси', 'Administratsiyasi'],
  ['инновациялар', 'innovatsiyalar'],
  ['коммуникация', 'kommunikatsiya'],
  ['даъво', 'daʼvo'],
  ['“Ўзбекистон — 2030” Стратегиясидан', '“Oʻzbekiston — 2030” Strategiyasidan'],
  ['ROLACC тармоғи', 'ROLACC tarmogʻi'],
  ['Open data порталида', 'Open data portalida'],
  ['Шаҳар', 'Shahar'],
  ['Қарши', 'Qarshi'],
  ['Йил', 'Yil'],
];

// Numbers, Latin words, URLs, codes, punctuation and quotes are not touched.
const PASS_THROUGH: Pair[] = [
  ['E-Anticor.uz', 'E-Anticor.uz'],
  ['ROLACC', 'ROLACC'],
  ['Open data', 'Open data'],
  ['https://anticorruption.uz/uz/news?id=42', 'https://anticorruption.uz/uz/news?id=42'],
  ['info@anticorruption.uz', 'info@anticorruption.uz'],
  ['ISO 37001:2016', 'ISO 37001:2016'],
  ['2030', '2030'],
  ['“ ” « » — – № 5', '“ ” « » — – № 5'],
  ['Рейтинг (CPI)', 'Reyting (CPI)'],
];

const TABLE: Pair[] = [
  ...APPENDIX_1995,
  ...RULES_1995,
  ...WIKIPEDIA_RULES,
  ...WIKIPEDIA_TITLES,
  ...YE,
  ...TS,
  ...IOTATED,
  ...DATES,
  ...CAPITALS,
  ...AGENCY_PLAN,
  ...PASS_THROUGH,
];

const CYRILLIC_LETTER = /[\u0400-\u04FF]/u;

describe('transliterate', () => {
  it('has a table of at least 150 pairs', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });

  it.each(TABLE)('%s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic)).toBe(latin);
  });

  it('writes oʻ, gʻ with U+02BB and the tutuq belgisi with U+02BC', () => {
    expect(transliterate('Ўзбекистон маъно')).toBe('O\u02BBzbekiston ma\u02BCno');
  });

  it.each([
    ['Ўзбекистон', "O'zbekiston"],
    ['маъно', "ma'no"],
    ['Исҳоқ', "Is'hoq"],
    ['ЎЗБЕКИСТОН', "O'ZBEKISTON"],
    ['Фарғона', "Farg'ona"],
  ])('with apostrophes: ascii, %s → %s', (cyrillic, latin) => {
    expect(transliterate(cyrillic, { apostrophes: 'ascii' })).toBe(latin);
  });

  it('leaves Latin text with its own apostrophes unchanged in ascii mode', () => {
    expect(transliterate('Oʻzbekiston', { apostrophes: 'ascii' })).toBe('Oʻzbekiston');
  });

  it('keeps line breaks and spacing', () => {
    expect(transliterate('  Шаҳар\n\nҚарши\t')).toBe('  Shahar\n\nQarshi\t');
  });

  it('leaves no Cyrillic letter in any text of content/', () => {
    const dir = fileURLToPath(new URL('../../content', import.meta.url));
    const files = ['plan.yaml', 'departments.yaml', 'acts.yaml', ...readdirSync(path.join(dir, 'items')).map((f) => `items/${f}`)];
    const texts: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const f of files) collect(parse(readFileSync(path.join(dir, f), 'utf8')));
    expect(texts.length).toBeGreaterThan(100);
    const left = texts.map((t) => transliterate(t)).filter((t) => CYRILLIC_LETTER.test(t));
    expect(left).toEqual([]);
  });
});

describe('hyphenateNumerals (Latin edition)', () => {
  it.each([
    ['2024 йил 4 январь', '2024-yil 4-yanvar'],
    ['2022 йил 14 июндаги', '2022-yil 14-iyundagi'],
    ['27.11.2023 й.', '27.11.2023-y.'],
    ['2024 йилда', '2024-yilda'],
    ['2023–2024 йиллар', '2023–2024-yillar'],
    ['1 мартгача', '1-martgacha'],
    ['12 май', '12-may'],
    // cardinal numbers and words that only begin like a month or "йил"
    ['2 марта', '2 marta'],
    ['5 йил давомида', '5 yil davomida'],
    ['3 майдонда', '3 maydonda'],
    ['10 июнлик', '10 iyunlik'],
    ['4 йиллик', '4 yillik'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(transliterate(hyphenateNumerals(cyrillic))).toBe(latin);
  });

  it('names a source beside every exception', () => {
    expect(EXCEPTIONS.filter((e) => e.source.trim().length < 10)).toEqual([]);
  });

  it('leaves no "byudjet", "mayus" or "2-marta" in the Latin of content/', () => {
    const dir = fileURLToPath(new URL('../../content/items', import.meta.url));
    const latin = readdirSync(dir)
      .map((f) => transliterate(hyphenateNumerals(readFileSync(path.join(dir, f), 'utf8'))))
      .join('\n');
    expect(latin).toContain('budjetdan');
    expect(latin).not.toMatch(/byudjet|mayus|\d-marta\b/);
  });
});

describe('translit command', () => {
  async function run(input: string[], args: string[] = []) {
    let text = '';
    const out = { write: (t: string) => (text += t) };
    const err = { write: () => undefined };
    const code = await translitCommand.run(args, { out, err, stdin: Readable.from(input) });
    return { code, text };
  }

  it('writes one Latin line for every Cyrillic line, empty lines kept', async () => {
    const r = await run(['Шаҳар\nҚарши\n\nЙил\n']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.text).toBe('Shahar\nQarshi\n\nYil\n');
  });

  it('joins lines split across chunks', async () => {
    const r = await run(['Ўзбе', 'кистон\r\nМаъ', 'но\n']);
    expect(r.text).toBe('Oʻzbekiston\nMaʼno\n');
  });

  it('writes the ASCII apostrophe with --ascii', async () => {
    const r = await run(['Ўзбекистон маъно\n'], ['--ascii']);
    expect(r.text).toBe("O'zbekiston ma'no\n");
  });

  it('is a usage mistake without standard input', async () => {
    const io = { out: { write: () => undefined }, err: { write: () => undefined } };
    await expect(translitCommand.run([], io)).rejects.toMatchObject({ constructor: UsageError, help: true });
  });

  it('rejects an unknown option', async () => {
    await expect(run([''], ['--colour'])).rejects.toMatchObject({ code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
  });
});
