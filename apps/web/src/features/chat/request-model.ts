import type { CalibrationResponse, ChatMode } from '../../api/types';

/**
 * Which `model` to send with a message. In chat mode the model picked in the chat view is the user's
 * explicit choice (`resolvedBy: request`). In the other modes a saved calibration for that task (the
 * user's or the org's) is the point of calibrating, so the model is left out and the server resolves it;
 * without a calibration the picked model is sent. `undefined` means "let the server resolve".
 */
export function modelForRequest(
  mode: ChatMode,
  pickedModel: string | null,
  calibration: CalibrationResponse | null,
): string | undefined {
  if (pickedModel === null) return undefined;
  if (mode === 'chat') return pickedModel;
  const task = calibration?.tasks[mode];
  if (task?.user || task?.org) return undefined;
  return pickedModel;
}
