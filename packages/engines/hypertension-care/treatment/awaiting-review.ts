/**
 * Orders awaiting the pharmacist's review (issue 20/19, SAFETY): signed changes that are not yet the patient's
 * medication are already ordered. The caller gives them in `current` marked `pending` (the order they replace left
 * out), so they count as on board; here the proposal leaves them be: no order of a pending drug or class (nor a
 * replacement or stop of one — the prescriber withdraws it, or the pharmacist returns it), and no step-up at all on BP
 * measured before the pending change takes effect (REFERENCE §7.4: a regimen is judged once it has settled;
 * decision 0023). Safety changes of active agents (regimen review) of other drugs and classes stand. Each pending
 * order is named: "Awaiting pharmacist review: …". Pure.
 */
import { AGENTS } from '../agents.ts';
import type { ProposedOrder, StopOrder, Text, TreatmentInput } from '../types.ts';
import type { Core } from './orders.ts';

const nameOf = (agent: string): Text => AGENTS[agent]?.name ?? { zh: agent, en: agent };
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function withAwaitingReview(core: Core, input: TreatmentInput): Core {
  const pending = input.current.filter((m) => m.pending);
  if (!pending.length) return core;
  const agents = new Set(pending.map((m) => m.agent));
  const classes = new Set(pending.map((m) => m.cls));
  const touches = (o: ProposedOrder) =>
    [o.agent, ...(o.components ?? []), ...(o.replaces ? [o.replaces] : [])].some((a) => agents.has(a)) ||
    o.classes.some((c) => classes.has(c));
  // Regimen review (safety) orders stand unless they touch a pending drug or class; step-ups wait for the change.
  const safety = core.decision === 'change-regimen';
  const orders = safety ? core.orders.filter((o) => !touches(o)) : [];
  const stops = (core.stops ?? []).filter((s) => !agents.has(s.agent));
  const onPending = (core.stops ?? []).filter((s) => agents.has(s.agent));
  const notes: Text[] = pending.map((m) => {
    const name = nameOf(m.agent);
    const dose =
      m.dailyDoseMg === undefined
        ? { zh: '', en: '' }
        : { zh: ` ${m.dailyDoseMg} mg/日`, en: ` ${m.dailyDoseMg} mg/day` };
    return {
      zh: `待药师审核：${name.zh}${dose.zh}——视为已开具；审核前不再建议该药或同类药物，也不据其生效前的血压加药`,
      en: `Awaiting pharmacist review: ${capital(name.en)}${dose.en} — taken as ordered; no order of this drug or class, and no step-up on BP from before it takes effect, until it is reviewed`,
    };
  });
  // A stop the regimen review would make of a pending order: said as advice on the order awaiting review.
  notes.push(
    ...onPending.map((s: StopOrder) => ({
      zh: `${nameOf(s.agent).zh}（待药师审核）：${s.rationale.zh}——请撤回该医嘱或请药师退回`,
      en: `${capital(nameOf(s.agent).en)} (awaiting pharmacist review): ${s.rationale.en} — withdraw it or ask the pharmacist to return it`,
    })),
  );
  if (orders.length === core.orders.length && stops.length === (core.stops ?? []).length)
    return { ...core, notes: [...notes, ...core.notes] };
  const left = orders.length + stops.length > 0;
  return {
    ...core,
    decision: left ? core.decision : 'too-early',
    orders,
    stops,
    notes: [...notes, ...(left ? core.notes : [])],
    rule: left
      ? core.rule
      : 'an order awaiting pharmacist review is taken as ordered: no order of its drug or class, and no step-up on BP from before it takes effect',
  };
}
