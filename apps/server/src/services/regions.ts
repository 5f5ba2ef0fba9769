import { dashscopeRegions, type DashscopeRegion } from '@chatstudio/contract';

/** A stored region string back to its type; rows are only ever written from validated input. */
export function regionOf(value: string): DashscopeRegion {
  const region = dashscopeRegions.find((candidate) => candidate === value);
  if (!region) throw new Error(`unknown stored region ${JSON.stringify(value)}`);
  return region;
}
