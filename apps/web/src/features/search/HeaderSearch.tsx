import { useState, type FormEvent } from 'react';
import { ActionIcon, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { preventImeSubmit } from '../../components/ime.ts';
import { SearchIcon } from '../community/components/icons.tsx';

/**
 * The header search: a box on wide screens (Enter searches; Enter confirming a Japanese
 * conversion does not), an icon linking to the search page on phones.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    navigate(query ? `/search?q=${encodeURIComponent(query)}` : '/search');
    setQ('');
  };
  return (
    <>
      <form onSubmit={onSubmit} onKeyDown={preventImeSubmit} role="search" className="engawa-header-search">
        <TextInput
          size="xs"
          w={220}
          visibleFrom="md"
          leftSection={<SearchIcon size={14} />}
          placeholder={t('search.headerPlaceholder')}
          aria-label={t('search.label')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
      </form>
      <ActionIcon
        component={Link}
        to="/search"
        variant="subtle"
        color="gray"
        size="md"
        hiddenFrom="md"
        aria-label={t('search.title')}
      >
        <SearchIcon size={20} />
      </ActionIcon>
    </>
  );
}
