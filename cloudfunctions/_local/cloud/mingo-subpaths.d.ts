// mingo exports these subpaths (package.json "exports"), but TypeScript's `node` module resolution,
// this repository's setting, reads no exports map: their types are named here from the
// declaration files mingo ships beside them.
declare module 'mingo/core' {
  export { Context } from 'mingo/types/core';
}
declare module 'mingo/query' {
  export { Query } from 'mingo/types/query';
}
declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query';
}
declare module 'mingo/operators/projection' {
  export * from 'mingo/types/operators/projection';
}
