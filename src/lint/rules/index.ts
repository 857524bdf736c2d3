// Every lint rule, in the order lint.yaml documents them. Adding a rule is one module and one entry here.
import type { Rule } from '../types.js';
import { actCitation } from './act-citation.js';
import { actConflict } from './act-conflict.js';
import { actInText } from './act-in-text.js';
import { asciiApostrophe } from './ascii-apostrophe.js';
import { deadlinePeriod } from './deadline-period.js';
import { deadlineSteps } from './deadline-steps.js';
import { departmentMissing } from './department-missing.js';
import { departmentName } from './department-name.js';
import { doubleSpace } from './double-space.js';
import { mixedScript } from './mixed-script.js';
import { monthName } from './month-name.js';
import { numberingDuplicate } from './numbering-duplicate.js';
import { numberingFile } from './numbering-file.js';
import { numberingGap } from './numbering-gap.js';
import { quoteStyle } from './quote-style.js';
import { rangeDash } from './range-dash.js';
import { spaceBeforePunctuation } from './space-before-punctuation.js';
import { stepLabel } from './step-label.js';
import { trailingComma } from './trailing-comma.js';
import { balance } from './balance.js';
import { dash } from './dash.js';
import { doubledWord } from './doubled-word.js';
import { finalStop } from './final-stop.js';
import { hardSign } from './hard-sign.js';
import { russianLetters } from './russian-letters.js';
import { sentenceCapital } from './sentence-capital.js';
import { doubleStop, invisible } from './stray-marks.js';
import { unknownId } from './unknown-id.js';
import { spellingStem } from './spelling-stem.js';
import { spellingVariant } from './spelling-variant.js';

export const RULES: Rule<any>[] = [
  mixedScript,
  monthName,
  trailingComma,
  actInText,
  actConflict,
  actCitation,
  numberingGap,
  numberingDuplicate,
  numberingFile,
  stepLabel,
  deadlinePeriod,
  deadlineSteps,
  departmentName,
  departmentMissing,
  quoteStyle,
  doubleSpace,
  spaceBeforePunctuation,
  rangeDash,
  asciiApostrophe,
  spellingVariant,
  spellingStem,
  russianLetters,
  hardSign,
  doubledWord,
  balance,
  sentenceCapital,
  finalStop,
  doubleStop,
  invisible,
  dash,
  unknownId,
];
