import type { Components } from 'react-markdown';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeBlock } from './CodeBlock';
import { remarkHtmlAsText } from './remark-html-as-text';

const imageLabel = (alt: string | undefined): string => `[image${alt ? `: ${alt}` : ''}]`;

const components: Components = {
  // Links open in a new tab without giving the target page a handle on this one.
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Remote images are never loaded: a reply could otherwise smuggle conversation text out in an image URL.
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow" className="md-image-link">
        {imageLabel(alt)}
      </a>
    ) : (
      <span>{imageLabel(alt)}</span>
    ),
  pre: CodeBlock,
  table: ({ children }) => (
    <div className="md-table-scroll">
      <table>{children}</table>
    </div>
  ),
};

const remarkPlugins = [remarkGfm, remarkHtmlAsText];

const allowedSchemes = /^(?:https?|mailto):/i;
const anyScheme = /^[a-z][a-z0-9+.-]*:/i;

/** Only http(s), mailto and relative URLs survive; `javascript:`, `data:` and the rest become empty. */
export function safeUrl(url: string): string {
  const safe = defaultUrlTransform(url);
  return anyScheme.test(safe) && !allowedSchemes.test(safe) ? '' : safe;
}

/**
 * Renders assistant output as GitHub-flavoured Markdown, safely: raw HTML shows as text (never parsed
 * into elements), dangerous URL schemes are dropped, links are `noopener noreferrer`, images are links.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={remarkPlugins} components={components} urlTransform={safeUrl}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
