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

export interface UseCase<A extends Api.ActionName, E = undefined> {
  /** 'anyone' = any signed-in user (a resident or staff); 'staff' = a bound staff role. */
  who: 'anyone' | 'staff';
  params: z.ZodType<Api.Params<A>, unknown>;
  /**
   * Reads (and for report.submit, the hourly limit's hit) that need only the params and the
   * caller's openid, started beside the lookup of who the caller is, so the call waits for one
   * round trip fewer; `run` gets the promise. It runs before the caller's role is known: it must
   * change nothing a refused call would have to undo, and it may be thrown away unawaited.
   */
  early?(params: Api.Params<A>, openid: string, deps: Deps, now: Date): Promise<E>;
  run(params: Api.Params<A>, ctx: CallContext, early: Promise<E>): Promise<Api.Data<A>>;
}

export const defineUseCase = <A extends Api.ActionName, E = undefined>(_action: A, useCase: UseCase<A, E>): UseCase<A, E> => useCase;
