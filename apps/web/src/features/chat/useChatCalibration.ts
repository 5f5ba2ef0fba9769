import { useEffect, useState } from 'react';
import type { CalibrationResponse } from '../../api/types';
import { calibrationApi } from '../calibration/calibration.api';

/** The provider's calibration, used to decide whether a mode's model comes from a saved override. */
export function useChatCalibration(provider: string | null): CalibrationResponse | null {
  const [calibration, setCalibration] = useState<CalibrationResponse | null>(null);

  useEffect(() => {
    setCalibration(null);
    if (!provider) return;
    const controller = new AbortController();
    calibrationApi.get(provider, controller.signal).then(setCalibration, () => setCalibration(null));
    return () => controller.abort();
  }, [provider]);

  return calibration;
}
