import type { ReactNode } from 'react';
import type { ExtraProps } from 'react-markdown';
import { CopyButton } from '../CopyButton';

/** Structural view of the hast nodes a code block holds. */
interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

function languageOf(node: HastNode | undefined): string | null {
  const code = node?.children?.find((child) => child.tagName === 'code');
  const classes = code?.properties?.className;
  if (!Array.isArray(classes)) return null;
  for (const name of classes) {
    if (typeof name === 'string' && name.startsWith('language-')) return name.slice('language-'.length);
  }
  return null;
}

/** A fenced code block with its language and a copy button. */
export function CodeBlock({ children, node }: { children?: ReactNode } & ExtraProps) {
  const hast: HastNode | undefined = node;
  const language = languageOf(hast);
  return (
    <div className="code-block">
      <div className="code-block-bar">
        <span className="code-block-language">{language ?? 'code'}</span>
        <CopyButton text={hast ? textOf(hast).replace(/\n$/, '') : ''} label="Copy code" />
      </div>
      <pre>{children}</pre>
    </div>
  );
}
