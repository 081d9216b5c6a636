// Rule: the work calendar and the SLA deadlines are reasoned about in Asia/Shanghai only; this
// barrel is the one import path for the rest of the code (holiday data lives in config/holidays).
export * from './shanghai-time';
export * from './work-calendar';
export * from './deadlines';
