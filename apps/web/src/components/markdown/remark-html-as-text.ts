/** The little of mdast this plugin touches (kept structural: no dependency on @types/mdast). */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** Parents whose children are blocks: raw HTML there becomes a paragraph of text. */
const flowParents: ReadonlySet<string> = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

function convert(node: MdNode): void {
  if (!node.children) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'html') {
      convert(child);
      return child;
    }
    const text: MdNode = { type: 'text', value: child.value ?? '' };
    return flowParents.has(node.type) ? { type: 'paragraph', children: [text] } : text;
  });
}

/**
 * remark plugin: raw HTML in model output is shown as literal text, never rendered. Without
 * `rehype-raw`, react-markdown would silently drop it; showing it keeps replies about HTML readable,
 * and React escapes text, so `<script>` or `onerror=` can never execute.
 */
export function remarkHtmlAsText() {
  return (tree: MdNode): void => convert(tree);
}
