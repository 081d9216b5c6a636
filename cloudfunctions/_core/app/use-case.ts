// The shape of one action: its params schema, who may call it, and what it does. The handler
// table in actions.ts is typed against the Api contract, so a missing action fails tsc.
import type { z } from 'zod';
import type { Actor } from '../domain/types';
import type { Deps, StaffRecord } from '../ports';

export interface CallContext {
  actor: Actor;
  deps: Deps;
  now: Date;
  /** The caller's staff record as read to resolve the actor (null: not bound; absent: not read). */
  self?: StaffRecord | null;
}

export interface UseCase<A extends Api.ActionName> {
  /** 'anyone' = any signed-in user (a resident or staff); 'staff' = a bound staff role. */
  who: 'anyone' | 'staff';
  params: z.ZodType<Api.Params<A>, unknown>;
  run(params: Api.Params<A>, ctx: CallContext): Promise<Api.Data<A>>;
}

export const defineUseCase = <A extends Api.ActionName>(_action: A, useCase: UseCase<A>): UseCase<A> => useCase;
