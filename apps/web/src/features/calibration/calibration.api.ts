import { api, segment } from '../../api/client';
import type { CalibrationOverride, CalibrationResponse, TaskKind } from '../../api/types';

export const calibrationApi = {
  get: (provider: string, signal?: AbortSignal) =>
    api.get<CalibrationResponse>(`/api/providers/${segment(provider)}/calibration`, signal),
  save: (provider: string, task: TaskKind, override: CalibrationOverride) =>
    api.put<unknown>(`/api/providers/${segment(provider)}/calibration/${segment(task)}`, override),
  clear: (provider: string, task: TaskKind) =>
    api.delete(`/api/providers/${segment(provider)}/calibration/${segment(task)}`),
};
