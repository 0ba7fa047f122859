import { useEffect, useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  Group,
  NumberInput,
  Select,
  Slider,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  EXPERIENCE_OUTCOMES,
  VALUE_CARDS,
  type CareerProfile,
  type ExperienceOutcome,
  type ProfileLearningGoal,
  type ProfileSkill,
  type ProfileStrength,
  type ProfileValue,
} from '@engawa/shared';
import { errorMessage } from '../../api/errors.ts';
import { useMe } from '../../api/session.ts';
import { preventImeSubmit } from '../../components/ime.ts';
import { ErrorState, LoadingState } from '../../components/QueryStates.tsx';
import { useProfile, useSaveProfile } from './api.ts';
import { PartCard, SkillBadges, SkillNameInput, parseSkillList, skillInput } from './shared.tsx';

function useSaver() {
  const { t } = useTranslation();
  const save = useSaveProfile();
  const run = (
    method: 'put' | 'post' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    after?: () => void,
  ) =>
    save.mutate(
      { method, path, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('career.ui.saved') });
          after?.();
        },
        onError: (err) =>
          notifications.show({ color: 'red', message: errorMessage(err, t('errors.common.internal')) }),
      },
    );
  return { run, pending: save.isPending, save };
}

/** キャリア › プロフィール: the owner's private profile, each part with its own 公開する switch. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const profile = useProfile();
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  return (
    <Stack gap="md">
      <Alert color="blue" variant="light">
        {t('career.privateNote')}
      </Alert>
      <Group justify="flex-end">
        <Anchor component={Link} to={`/people/${me.id}`} size="sm">
          {t('career.ui.public.viewMine')}
        </Anchor>
      </Group>
      <GoalsPart profile={p} />
      <SkillsPart profile={p} />
      <StrengthsPart profile={p} />
      <ValuesPart profile={p} />
      <ExperiencesPart profile={p} />
    </Stack>
  );
}

function StrengthsPart({ profile }: { profile: CareerProfile }) {
  const { t } = useTranslation();
  const { run, pending } = useSaver();
  const [items, setItems] = useState<ProfileStrength[]>(profile.strengths);
  const [text, setText] = useState('');
  const [episode, setEpisode] = useState('');
  useEffect(() => setItems(profile.strengths), [profile.strengths]);
  const save = (next: ProfileStrength[]) => run('put', '/api/career/profile/strengths', { items: next });
  const add = (e?: FormEvent) => {
    e?.preventDefault();
    if (!text.trim()) return;
    const next = [...items, { text: text.trim(), episode: episode.trim() || null }];
    save(next);
    setText('');
    setEpisode('');
  };
  return (
    <PartCard part="strengths" published={profile.published.strengths}>
      {items.length === 0 ? <Text c="dimmed">{t('career.ui.strengths.empty')}</Text> : null}
      {items.map((s, i) => (
        <Group key={`${s.text}-${i}`} justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{s.text}</Text>
            {s.episode ? <Text size="sm">{s.episode}</Text> : null}
          </Stack>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            style={{ flexShrink: 0 }}
            onClick={() => save(items.filter((_, j) => j !== i))}
          >
            {t('career.ui.remove')}
          </Button>
        </Group>
      ))}
      <form onSubmit={add} onKeyDown={preventImeSubmit}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('career.parts.strengths')}
            placeholder={t('career.ui.strengths.placeholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Button type="submit" loading={pending}>
            {t('career.ui.add')}
          </Button>
        </Group>
        <Textarea
          mt="xs"
          autosize
          minRows={1}
          label={t('career.ui.strengths.episode')}
          value={episode}
          onChange={(e) => setEpisode(e.currentTarget.value)}
        />
      </form>
    </PartCard>
  );
}

function valueBody(v: ProfileValue) {
  return v.card ? { card: v.card } : { own: v.label };
}

function ValuesPart({ profile }: { profile: CareerProfile }) {
  const { t } = useTranslation();
  const { run, pending } = useSaver();
  const [own, setOwn] = useState('');
  const items = profile.values;
  const save = (next: ProfileValue[]) =>
    run('put', '/api/career/profile/values', { items: next.map(valueBody) });
  const picked = new Set(items.map((v) => v.card).filter(Boolean));
  const move = (i: number, d: number) => {
    const next = [...items];
    const [v] = next.splice(i, 1);
    next.splice(i + d, 0, v!);
    save(next);
  };
  return (
    <PartCard part="values" published={profile.published.values}>
      {items.length === 0 ? <Text c="dimmed">{t('career.ui.values.empty')}</Text> : null}
      <Stack gap={4}>
        {items.map((v, i) => (
          <Group key={`${v.card ?? v.label}-${i}`} justify="space-between" wrap="nowrap">
            <Text>
              {i + 1}. {v.card ? t(`career.values.${v.card}`) : v.label}
            </Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon
                variant="subtle"
                aria-label={t('career.ui.values.up')}
                disabled={i === 0 || pending}
                onClick={() => move(i, -1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t('career.ui.values.down')}
                disabled={i === items.length - 1 || pending}
                onClick={() => move(i, 1)}
              >
                ↓
              </ActionIcon>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                style={{ flexShrink: 0 }}
                onClick={() => save(items.filter((_, j) => j !== i))}
              >
                {t('career.ui.remove')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      <Text size="sm" fw={600}>
        {t('career.ui.values.pick')}
      </Text>
      <Group gap={6}>
        {VALUE_CARDS.map((card) => (
          <Chip
            key={card}
            size="xs"
            checked={picked.has(card)}
            onChange={(on) =>
              save(on ? [...items, { card, label: '' }] : items.filter((v) => v.card !== card))
            }
          >
            {t(`career.values.${card}`)}
          </Chip>
        ))}
      </Group>
      <form
        onKeyDown={preventImeSubmit}
        onSubmit={(e) => {
          e.preventDefault();
          if (!own.trim()) return;
          save([...items, { card: null, label: own.trim() }]);
          setOwn('');
        }}
      >
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('career.ui.values.own')}
            placeholder={t('career.ui.values.ownPlaceholder')}
            value={own}
            onChange={(e) => setOwn(e.currentTarget.value)}
          />
          <Button type="submit" loading={pending}>
            {t('career.ui.add')}
          </Button>
        </Group>
      </form>
    </PartCard>
  );
}

function SkillsPart({ profile }: { profile: CareerProfile }) {
  const { t } = useTranslation();
  const { run, pending } = useSaver();
  const [name, setName] = useState('');
  const [level, setLevel] = useState('2');
  const items = profile.skills;
  const save = (next: Array<ProfileSkill | { name: string; level: number; id: null }>) =>
    run('put', '/api/career/profile/skills', {
      items: next.map((s) => ({ ...skillInput(s), level: s.level })),
    });
  const levelData = (['1', '2', '3', '4', '5'] as const).map((l) => ({
    value: l,
    label: `${l} ${t(`career.levels.${l}`)}`,
  }));
  const add = () => {
    if (!name.trim()) return;
    save([...items, { id: null, name: name.trim(), level: Number(level) }]);
    setName('');
  };
  return (
    <PartCard part="skills" published={profile.published.skills}>
      {items.length === 0 ? <Text c="dimmed">{t('career.ui.skills.empty')}</Text> : null}
      {items.map((s, i) => (
        <Group key={`${s.id ?? s.name}-${i}`} justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{s.name}</Text>
          <Group gap="xs" wrap="nowrap">
            <Select
              aria-label={`${s.name}: ${t('career.ui.skills.level')}`}
              data={levelData}
              value={String(s.level)}
              w={200}
              allowDeselect={false}
              onChange={(v) => v && save(items.map((x, j) => (j === i ? { ...x, level: Number(v) } : x)))}
            />
            <Button
              size="xs"
              variant="subtle"
              color="red"
              style={{ flexShrink: 0 }}
              onClick={() => save(items.filter((_, j) => j !== i))}
            >
              {t('career.ui.remove')}
            </Button>
          </Group>
        </Group>
      ))}
      <Group align="flex-end" wrap="wrap" gap="xs">
        <div style={{ flex: '1 1 200px' }}>
          <SkillNameInput label={t('career.ui.skills.name')} value={name} onChange={setName} onEnter={add} />
        </div>
        <Select
          label={t('career.ui.skills.level')}
          data={levelData}
          value={level}
          allowDeselect={false}
          onChange={(v) => v && setLevel(v)}
          w={200}
        />
        <Button onClick={add} loading={pending}>
          {t('career.ui.add')}
        </Button>
      </Group>
    </PartCard>
  );
}

const EMPTY_EXPERIENCE = {
  title: '',
  kind: 'project' as 'project' | 'work',
  role: '',
  challenge: '',
  outcome: 'succeeded' as ExperienceOutcome,
  learned: '',
  from: '',
  to: '',
  stretch: false,
};

function ExperiencesPart({ profile }: { profile: CareerProfile }) {
  const { t } = useTranslation();
  const { run, pending } = useSaver();
  const [draft, setDraft] = useState(EMPTY_EXPERIENCE);
  const [editing, setEditing] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const set = <K extends keyof typeof EMPTY_EXPERIENCE>(k: K, v: (typeof EMPTY_EXPERIENCE)[K]) =>
    setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      ...draft,
      role: draft.role || null,
      challenge: draft.challenge || null,
      learned: draft.learned || null,
      from: draft.from || null,
      to: draft.to || null,
    };
    const done = () => {
      setDraft(EMPTY_EXPERIENCE);
      setEditing(null);
      setOpen(false);
    };
    if (editing) run('patch', `/api/career/profile/experiences/${editing}`, body, done);
    else run('post', '/api/career/profile/experiences', body, done);
  };
  return (
    <PartCard
      part="experiences"
      published={profile.published.experiences}
      note={
        <Text size="sm" c="teal.8">
          {t('career.attemptNote')}
        </Text>
      }
    >
      {profile.experiences.length === 0 ? <Text c="dimmed">{t('career.ui.experiences.empty')}</Text> : null}
      {profile.experiences.map((x) => (
        <Card key={x.id} withBorder padding="sm" component="article" aria-label={x.title}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Text fw={600}>{x.title}</Text>
              <Badge variant="light" color={x.outcome === 'unsuccessful' ? 'orange' : 'teal'}>
                {t(`career.outcomes.${x.outcome}`)}
              </Badge>
              {x.stretch ? <Badge variant="outline">{t('career.ui.experiences.stretch')}</Badge> : null}
            </Group>
            <Group gap={4}>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => {
                  setEditing(x.id);
                  setOpen(true);
                  setDraft({
                    title: x.title,
                    kind: x.kind,
                    role: x.role ?? '',
                    challenge: x.challenge ?? '',
                    outcome: x.outcome,
                    learned: x.learned ?? '',
                    from: x.from ?? '',
                    to: x.to ?? '',
                    stretch: x.stretch,
                  });
                }}
              >
                {t('career.ui.edit')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="red"
                style={{ flexShrink: 0 }}
                onClick={() => run('delete', `/api/career/profile/experiences/${x.id}`)}
              >
                {t('career.ui.remove')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`career.experienceKinds.${x.kind}`)}
            {x.role ? ` · ${x.role}` : ''}
            {x.from || x.to ? ` · ${x.from ?? ''}〜${x.to ?? ''}` : ''}
          </Text>
          {x.challenge ? (
            <Text size="sm">
              <b>{t('career.ui.experiences.challenge')}:</b> {x.challenge}
            </Text>
          ) : null}
          {x.learned ? (
            <Text size="sm">
              <b>{t('career.ui.experiences.learned')}:</b> {x.learned}
            </Text>
          ) : null}
        </Card>
      ))}
      {open ? (
        <form onSubmit={submit} onKeyDown={preventImeSubmit}>
          <Stack gap="xs">
            <TextInput
              required
              label={t('career.ui.experiences.title')}
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
            />
            <Group grow wrap="wrap">
              <Select
                label={t('career.ui.experiences.kind')}
                data={(['project', 'work'] as const).map((k) => ({
                  value: k,
                  label: t(`career.experienceKinds.${k}`),
                }))}
                value={draft.kind}
                allowDeselect={false}
                onChange={(v) => v && set('kind', v as 'project' | 'work')}
              />
              <TextInput
                label={t('career.ui.experiences.role')}
                value={draft.role}
                onChange={(e) => set('role', e.currentTarget.value)}
              />
            </Group>
            <Textarea
              autosize
              minRows={2}
              label={t('career.ui.experiences.challenge')}
              value={draft.challenge}
              onChange={(e) => set('challenge', e.currentTarget.value)}
            />
            <Select
              label={t('career.ui.experiences.outcome')}
              data={EXPERIENCE_OUTCOMES.map((o) => ({ value: o, label: t(`career.outcomes.${o}`) }))}
              value={draft.outcome}
              allowDeselect={false}
              onChange={(v) => v && set('outcome', v as ExperienceOutcome)}
            />
            <Textarea
              autosize
              minRows={2}
              label={t('career.ui.experiences.learned')}
              value={draft.learned}
              onChange={(e) => set('learned', e.currentTarget.value)}
            />
            <Group grow wrap="wrap">
              <TextInput
                type="month"
                label={t('career.ui.experiences.from')}
                value={draft.from}
                onChange={(e) => set('from', e.currentTarget.value)}
              />
              <TextInput
                type="month"
                label={t('career.ui.experiences.to')}
                value={draft.to}
                onChange={(e) => set('to', e.currentTarget.value)}
              />
            </Group>
            <Checkbox
              label={t('career.ui.experiences.stretch')}
              checked={draft.stretch}
              onChange={(e) => set('stretch', e.currentTarget.checked)}
            />
            <Group>
              <Button type="submit" loading={pending}>
                {t('career.ui.save')}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  setOpen(false);
                  setEditing(null);
                  setDraft(EMPTY_EXPERIENCE);
                }}
              >
                {t('career.ui.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Button variant="light" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          {t('career.ui.experiences.add')}
        </Button>
      )}
    </PartCard>
  );
}

interface GoalDraft {
  id?: string;
  title: string;
  skills: string;
  targetDate: string;
  progress: number;
}

function toGoalDraft(g: ProfileLearningGoal, sep: string): GoalDraft {
  return {
    id: g.id,
    title: g.title,
    skills: g.skills.map((s) => s.name).join(sep),
    targetDate: g.targetDate ?? '',
    progress: g.progress,
  };
}

function GoalsPart({ profile }: { profile: CareerProfile }) {
  const { t } = useTranslation();
  const sep = t('career.companion.reasonSeparator');
  const { run, pending } = useSaver();
  const [direction, setDirection] = useState(profile.goals.direction?.text ?? '');
  const [directionSkills, setDirectionSkills] = useState(
    profile.goals.direction?.skills.map((s) => s.name).join(sep) ?? '',
  );
  const [goals, setGoals] = useState<GoalDraft[]>(profile.goals.learning.map((g) => toGoalDraft(g, sep)));
  useEffect(() => {
    setDirection(profile.goals.direction?.text ?? '');
    setDirectionSkills(profile.goals.direction?.skills.map((s) => s.name).join(sep) ?? '');
    setGoals(profile.goals.learning.map((g) => toGoalDraft(g, sep)));
  }, [profile.goals, sep]);
  const update = (i: number, patch: Partial<GoalDraft>) =>
    setGoals((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run('put', '/api/career/profile/goals', {
      direction: direction.trim()
        ? { text: direction.trim(), skills: parseSkillList(directionSkills) }
        : null,
      learning: goals
        .filter((g) => g.title.trim())
        .map((g) => ({
          ...(g.id ? { id: g.id } : {}),
          title: g.title.trim(),
          skills: parseSkillList(g.skills),
          targetDate: g.targetDate || null,
          progress: g.progress,
        })),
    });
  };
  return (
    <PartCard part="goals" published={profile.published.goals}>
      <form onSubmit={submit} onKeyDown={preventImeSubmit}>
        <Stack gap="sm">
          <Textarea
            autosize
            minRows={2}
            label={t('career.ui.goals.direction')}
            placeholder={t('career.ui.goals.directionPlaceholder')}
            value={direction}
            onChange={(e) => setDirection(e.currentTarget.value)}
          />
          <TextInput
            label={t('career.ui.goals.directionSkills')}
            value={directionSkills}
            onChange={(e) => setDirectionSkills(e.currentTarget.value)}
          />
          <Text fw={600}>{t('career.ui.goals.learning')}</Text>
          {goals.length === 0 ? <Text c="dimmed">{t('career.ui.goals.empty')}</Text> : null}
          {goals.map((g, i) => (
            <Card key={g.id ?? `new-${i}`} withBorder padding="sm">
              <Stack gap="xs">
                <TextInput
                  label={t('career.ui.goals.goalTitle')}
                  value={g.title}
                  onChange={(e) => update(i, { title: e.currentTarget.value })}
                />
                <TextInput
                  label={t('career.ui.goals.goalSkills')}
                  value={g.skills}
                  onChange={(e) => update(i, { skills: e.currentTarget.value })}
                />
                <Group grow wrap="wrap" align="flex-end">
                  <TextInput
                    type="date"
                    label={t('career.ui.goals.targetDate')}
                    value={g.targetDate}
                    onChange={(e) => update(i, { targetDate: e.currentTarget.value })}
                  />
                  <NumberInput
                    label={t('career.ui.goals.progress')}
                    min={0}
                    max={100}
                    step={10}
                    value={g.progress}
                    onChange={(v) => update(i, { progress: typeof v === 'number' ? v : 0 })}
                  />
                </Group>
                <Slider
                  aria-label={t('career.ui.goals.progress')}
                  value={g.progress}
                  onChange={(v) => update(i, { progress: v })}
                  step={10}
                />
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  style={{ alignSelf: 'flex-end' }}
                  onClick={() => setGoals((gs) => gs.filter((_, j) => j !== i))}
                >
                  {t('career.ui.remove')}
                </Button>
              </Stack>
            </Card>
          ))}
          <Group>
            <Button
              variant="light"
              onClick={() =>
                setGoals((gs) => [...gs, { title: '', skills: '', targetDate: '', progress: 0 }])
              }
            >
              {t('career.ui.goals.addGoal')}
            </Button>
            <Button type="submit" loading={pending}>
              {t('career.ui.save')}
            </Button>
          </Group>
          {profile.goals.learning.length > 0 ? (
            <Stack gap={4}>
              {profile.goals.learning.map((g) => (
                <Group key={g.id} gap="xs">
                  <Text size="sm">{g.title}</Text>
                  <SkillBadges skills={g.skills} color="blue" />
                </Group>
              ))}
            </Stack>
          ) : null}
        </Stack>
      </form>
    </PartCard>
  );
}
