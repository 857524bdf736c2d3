// Uzbek Cyrillic spelling data for the proof-reading rules: frequent stems with ў/қ/ғ/ҳ, the loanwords that
// keep Russian letters, Russian-only endings, misspelt month stems, abbreviations that end in a full stop.
// Data only: a new word is a new entry. Sources: the plan itself (the signed text, content/README) and the
// examples of "O'zbek tilining asosiy imlo qoidalari" (1995).

/**
 * Stems as they must be written. A word that begins with the same letters once ў→у, қ→к, ғ→г, ҳ→х are
 * ignored, but with other letters in those places, is a slip ("хукукий" for "ҳуқуқий", "қўтилаётган" for
 * "кутилаётган"). Where two stems fold alike (кўрил-, қурил-) a word must begin with one of them.
 * Keep stems long enough that no other Uzbek word begins with their folded form.
 */
export const STEMS: readonly string[] = [
  // from the plan (its frequent words with ў, қ, ғ, ҳ)
  'ҳуқуқ', 'очиқ', 'истиқбол', 'қуйидаги', 'кўрил', 'қурил', 'кўриб', 'қуриб', 'кўриш', 'қуриш', 'кўрсат',
  'кутилаётган', 'ҳисоб', 'ҳамкор', 'ҳамда', 'ҳамжамият', 'ҳокимият', 'ҳолда', 'ҳолат', 'ҳужжат', 'ҳукм',
  'ҳақиқ', 'ҳақида', 'ҳаракат', 'таҳлил', 'қарор', 'қарши', 'қилиш', 'қилин', 'қилади', 'қилиб', 'қилувчи',
  'чиқ', 'тақдим', 'аниқ', 'ўтказ', 'ўрнат', 'ўртасида', 'ўзаро', 'ўзгартир', 'ўқув', 'ўқит', 'тўғри', 'тўлиқ',
  'тўпла', 'тўқнаш', 'тўхта', 'бўйича', 'бўлган', 'бўлиш', 'бўлими', 'бошқа', 'ташқи', 'ташкил', 'ташқари',
  'халқаро', 'хорижий', 'соғлиқ', 'сақла', 'соҳа', 'маҳаллий', 'маҳкама', 'муҳокама', 'муҳофаза', 'қонун',
  'қониқ', 'қўлла', 'қўшимча', 'қўшма', 'қабул', 'қарат', 'қайта', 'қайд', 'тайёрла', 'йиғма', 'йиғиш',
  'йиғил', 'тармоғи', 'тармоқ', 'сариқ', 'қизил', 'иқтисод', 'миқдор', 'мақсад', 'ҳудуд', 'вақт', 'муқобил',
  'жиноят', 'ёшлар', 'ўзбекистон', 'тасдиқла', 'ҳайъат', 'қатнаш', 'баҳола', 'боғлиқ', 'мўлжал', 'лойиҳа',
  'йўл', 'йўналиш', 'илғор', 'жамғарма', 'алоқа', 'алоҳида', 'маблағ', 'гуруҳ', 'юқори', 'шаҳар', 'фуқаро',
  'тарғиб', 'тараққий', 'сўров', 'салоҳият', 'рўйхат', 'рақам', 'мутлақ', 'мувофиқ', 'моҳият', 'машғулот',
  'кўникма', 'кўмак', 'кўлам', 'босқич', 'шарқ',
  // from the rules' examples (1995)
  'ўқитувчи', 'қишлоқ', 'ғалаба',
];

/** Words that keep ы or щ (Russian loanwords and names written in lower case). */
export const RUSSIAN_LETTER_LOANWORDS: readonly string[] = [
  'щётка', 'ящик', 'борщ', 'плащ', 'помощник', 'режиссёр', 'цыган', 'цыпленок', 'тыква', 'мышь', 'рыба', 'выставка',
];

/** Endings Russian has and Uzbek does not, at the end of a lower-case word: "давлатный", "мониторинговая". */
export const RUSSIAN_ENDINGS: readonly string[] = ['ый', 'ая', 'ого', 'ому', 'ыми', 'ский', 'ской', 'ские', 'ская', 'ское', 'ского', 'ческий', 'ческой', 'ции', 'ией'];

/**
 * Month stems as typists and OCR misspell them (any inflection follows): "сентабрь", "октабрда", "нойабр".
 * The right stem beside each.
 */
export const MISSPELT_MONTH_STEMS: Readonly<Record<string, string>> = {
  сентабр: 'сентябр',
  сентебр: 'сентябр',
  октабр: 'октябр',
  нойабр: 'ноябр',
  ноабр: 'ноябр',
  йанвар: 'январ',
  янвр: 'январ',
  апрл: 'апрел',
  августь: 'август',
  марть: 'март',
  майь: 'май',
};

/** Abbreviations with a full stop after which a sentence goes on in lower case. */
export const ABBREVIATIONS: readonly string[] = ['й', 'йй', 'м', 'т', 'б', 'ш', 'ва б', 'ва ҳ', 'мас', 'ж', 'мин', 'млн', 'млрд', 'сўм', 'бет', 'р', 'н'];
