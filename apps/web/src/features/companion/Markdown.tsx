import { Fragment, useMemo, type ReactNode } from 'react';
import { Anchor, Blockquote, Box, Code, Divider, List, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

function inlines(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'strong':
        return <strong key={i}>{inlines(n.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(n.children)}</em>;
      case 'code':
        return <Code key={i}>{n.text}</Code>;
      case 'link':
        if (n.href.startsWith('/')) {
          return (
            <Anchor key={i} component={Link} to={n.href}>
              {inlines(n.children)}
            </Anchor>
          );
        }
        return (
          <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {inlines(n.children)}
          </Anchor>
        );
    }
  });
}

function blocks(nodes: Block[], headingOffset: number, size: 'sm' | 'md', tight = false): ReactNode {
  return nodes.map((b, i) => {
    switch (b.type) {
      case 'heading': {
        const order = Math.min(6, b.level + headingOffset) as 1 | 2 | 3 | 4 | 5 | 6;
        return (
          <Title key={i} order={order} size={order <= 3 ? 'h4' : 'h5'} mt="sm" mb={6}>
            {inlines(b.children)}
          </Title>
        );
      }
      case 'paragraph':
        return (
          <Text key={i} component="p" size={size} my={tight ? 0 : 6}>
            {inlines(b.children)}
          </Text>
        );
      case 'list':
        return (
          <List
            key={i}
            type={b.ordered ? 'ordered' : 'unordered'}
            start={b.ordered ? b.start : undefined}
            my={6}
            size={size}
            spacing={4}
            withPadding
          >
            {b.items.map((item, j) => (
              <List.Item key={j}>{blocks(item, headingOffset, size, true)}</List.Item>
            ))}
          </List>
        );
      case 'table':
        return (
          <Table.ScrollContainer key={i} minWidth={260} my="xs">
            <Table withTableBorder withColumnBorders verticalSpacing={6} fz={size}>
              <Table.Thead>
                <Table.Tr>
                  {b.header.map((cell, j) => (
                    <Table.Th key={j}>{inlines(cell)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.rows.map((row, j) => (
                  <Table.Tr key={j}>
                    {row.map((cell, k) => (
                      <Table.Td key={k} style={{ overflowWrap: 'anywhere' }}>
                        {inlines(cell)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      case 'quote':
        return (
          <Blockquote key={i} color="teal" p="xs" my="xs">
            {blocks(b.children, headingOffset, size)}
          </Blockquote>
        );
      case 'code':
        return (
          <Code key={i} block my="xs">
            {b.text}
          </Code>
        );
      case 'rule':
        return <Divider key={i} my="sm" />;
    }
  });
}

/**
 * Renders Markdown (a summary, a note, an AI answer) as React elements: every piece of text stays
 * text, so nothing the user or the model wrote can become markup. `headingOffset` shifts heading
 * levels so a summary's `##` sits below the page's own headings.
 */
export function Markdown({
  source,
  headingOffset = 1,
  size = 'sm',
}: {
  source: string;
  headingOffset?: number;
  size?: 'sm' | 'md';
}) {
  const tree = useMemo(() => parseMarkdown(source), [source]);
  return (
    <Box fz={size} style={{ overflowWrap: 'anywhere' }}>
      {blocks(tree, headingOffset, size)}
    </Box>
  );
}
