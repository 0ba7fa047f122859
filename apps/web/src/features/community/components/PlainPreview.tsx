import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MentionText } from './MentionText.tsx';
import '../community.css';

/**
 * The composer's preview: the text as written, with line breaks and mentions shown as names.
 * Markdown is rendered (and sanitised) only by the server, after posting; nothing here builds HTML.
 */
export function PlainPreview({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.trim()) {
    return (
      <Text size="sm" c="dimmed" className="engawa-preview">
        {t('community.composer.previewEmpty')}
      </Text>
    );
  }
  return (
    <div className="engawa-preview" aria-label={t('community.composer.preview')}>
      <MentionText text={text} />
      <Text size="xs" c="dimmed" mt="xs">
        {t('community.composer.previewNote')}
      </Text>
    </div>
  );
}
