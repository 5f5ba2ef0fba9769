import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to SQLite in ./data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'sqlite', file: expect.stringMatching(/data\/chatstudio\.db$/) });
    expect(config.baseUrls.openai).toBe('https://api.openai.com/v1');
    expect(config.baseUrls.dashscope.cn).toBe('https://dashscope.aliyuncs.com/compatible-mode/v1');
  });

  it('reports every problem, one per line', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', CHATSTUDIO_OPENAI_BASE_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL must be a postgres/);
      expect(problems.join('\n')).toMatch(/CHATSTUDIO_OPENAI_BASE_URL/);
    }
  });

  it('uses PostgreSQL when DATABASE_URL is set and strips trailing slashes from base URLs', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', OLLAMA_BASE_URL: 'http://127.0.0.1:11434/' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
    expect(config.baseUrls.ollama).toBe('http://127.0.0.1:11434');
  });
});
