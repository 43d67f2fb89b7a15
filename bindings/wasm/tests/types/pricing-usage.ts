// Type-checked (never run) with usage.ts: the declarations of `ceseda/pricing`, both ways.
import { ABSENT, ANSWERS, CODES, CODE_IDS, CesedaError, FIELDS, FIELD_IDS, NONE16, NONE8, amounts, answerIdOf, dayOf, loadFull, prepare, priceColumns, total, useFull } from 'ceseda/pricing';
import type { Amounts, Column, PricedColumns } from 'ceseda/pricing';
import * as full from 'ceseda';
import type { Money } from 'ceseda';

const t: Money | null = total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' });
const a: Amounts = amounts({ permit: 'salarie', procedure: 'first_issue', date: new Date(), irregularEntry: true }, 'fr');
const stamp: Money | null = a.droitDeTimbre;
const visa: Money | null = a.visaDeRegularisationFiling;
const id: number = answerIdOf({ permit: 'visiteur', procedure: 'renewal', date: '2024-03-01' });
const permitId: number | undefined = CODE_IDS.document.get('visiteur');
const day: number | undefined = dayOf('2024-03-01');
const column: Column = Uint16Array.of(0, 1);
const out: PricedColumns = priceColumns({ permit: column, procedure: Uint8Array.of(0, 0), date: Int32Array.of(19783, ABSENT) });
const answer: Uint16Array = out.answer;
const refused: boolean = out.answer[0] === NONE16 || out.error[0] !== NONE8;
const errors: CesedaError[] = out.errors;
const first: Amounts | undefined = ANSWERS[0];
const field: string | undefined = FIELDS[FIELD_IDS.get('cardKind') ?? 0];
const codes: readonly string[] = CODES.document;
prepare('2026-06-01');
useFull(full);
const loaded: Promise<typeof full> = loadFull();

// @ts-expect-error a permit code is checked as for quote()
total({ permit: 'visitor', procedure: 'first_issue', date: '2024-03-01' });
// @ts-expect-error the total is a decimal string, never a number
const n: number = total({ permit: 'visiteur', procedure: 'first_issue', date: '2024-03-01' });
// @ts-expect-error amounts are read-only
a.total = '0.00';

export const used = [t, stamp, visa, id, permitId, day, answer, refused, errors, first, field, codes, loaded, n];
