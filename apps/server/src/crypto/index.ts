export * from './keyring';
export * from './sealer';
export * from './tokens';
export * from './passwords';
