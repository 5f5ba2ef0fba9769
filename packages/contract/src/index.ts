export * from './errors';
export * from './auth';
export * from './providers';
export * from './calibration';
export * from './conversations';
