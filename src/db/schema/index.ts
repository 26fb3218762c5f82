export * from './organisation';
export * from './children';
export * from './journey';
export * from './care';
export * from './other';
export * from './imports';
export * from './reference';
export * from './indicators';
