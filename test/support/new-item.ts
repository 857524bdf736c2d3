// The item the amendment tests add to the plan (number 32, a training course), citing `basis` for `responsible`.
export const newItem = (basis: string, responsible: string) => `number: 32
measure: >-
  Агентлик ходимлари учун коррупцияга қарши курашиш бўйича малака ошириш курсларини ташкил этиш.
mechanism: >-
  Ўқув режасини ишлаб чиқиш ва курсларни ўтказиш.
deadline: 2024-05
basis: [${basis}]
result: >-
  Ходимларнинг малакаси оширилади.
responsible: [${responsible}]
`;
