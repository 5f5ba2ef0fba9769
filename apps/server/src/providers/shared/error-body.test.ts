import { describe, expect, it } from 'vitest';
import { parseErrorBody } from './error-body';

describe('parseErrorBody', () => {
  it('reads the OpenAI / DashScope envelope', () => {
    const body =
      '{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","param":null,"code":"invalid_api_key"},"request_id":"b02e"}';
    expect(parseErrorBody(body)).toEqual({
      message: 'Incorrect API key provided.',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
    });
  });

  it('reads the Anthropic envelope without mistaking the outer type for the error type', () => {
    const body = '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}';
    expect(parseErrorBody(body)).toEqual({ type: 'overloaded_error', message: 'Overloaded' });
  });

  it('reads the Ollama flat string error', () => {
    expect(parseErrorBody('{"error":"model \'x\' not found"}')).toEqual({ message: "model 'x' not found" });
  });

  it('reads every Mistral shape', () => {
    expect(parseErrorBody('{"detail":"Unauthorized"}')).toEqual({ message: 'Unauthorized' });
    expect(parseErrorBody('{"message":"Unauthorized","request_id":"c61f"}')).toEqual({ message: 'Unauthorized' });
    expect(
      parseErrorBody(
        '{"object":"error","message":"Invalid model: m","type":"invalid_model","param":null,"code":"1500","raw_status_code":400}',
      ),
    ).toEqual({ message: 'Invalid model: m', type: 'invalid_model', code: '1500' });
    expect(
      parseErrorBody(
        '{"detail":[{"type":"extra_forbidden","loc":["body","store"],"msg":"Extra inputs are not permitted","input":false}]}',
      ),
    ).toEqual({ type: 'extra_forbidden', message: 'Extra inputs are not permitted' });
  });

  it('reads the DashScope native flat shape and numeric codes', () => {
    expect(parseErrorBody('{"code":"InvalidApiKey","message":"Invalid API-key provided."}')).toEqual({
      code: 'InvalidApiKey',
      message: 'Invalid API-key provided.',
    });
    expect(parseErrorBody({ message: 'x', code: 1300 })).toEqual({ message: 'x', code: '1300' });
  });

  it('keeps non-JSON text as the message and tolerates an empty body', () => {
    expect(parseErrorBody('Bad Gateway')).toEqual({ message: 'Bad Gateway' });
    expect(parseErrorBody('')).toEqual({});
  });
});
