import { z } from 'zod';

/**
 * A zod enum of exactly the contract's union `T` (typings/api): tsc fails when a value of the
 * contract is missing here, or when a listed value is not in the contract. So a schema and the
 * contract cannot drift apart: `contractEnum<Api.Rating>()(['satisfied', 'basic', 'unsatisfied'])`.
 */
export function contractEnum<T extends string>() {
  return <const V extends readonly [T, ...T[]]>(
    values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> }),
  ) => z.enum(values);
}
