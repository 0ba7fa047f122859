import type { MouseEvent } from 'react';
import { Box } from '@mantine/core';
import { useNavigate } from 'react-router';
import '../community.css';

/**
 * HTML that the server produced and sanitised (platform/markdown.ts: markdown-it without raw HTML,
 * then sanitize-html with an allowlist; images only from our attachment routes). This is the only
 * place the web renders HTML, and it never renders anything the browser built from user input.
 * Links inside the app (mentions, posts) open in the app instead of a new tab.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const navigate = useNavigate();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    const a = (event.target as HTMLElement).closest('a');
    const href = a?.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <Box
      className={`engawa-rich${className ? ` ${className}` : ''}`}
      onClick={onClick}
      // Sanitised on the server; see the comment above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
