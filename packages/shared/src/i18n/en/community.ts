import type { CatalogShape } from '../index.ts';
import type { jaCommunity } from '../ja/community.ts';

export const enCommunity: CatalogShape<typeof jaCommunity> = {
  codeOfConduct: {
    title: 'Code of conduct',
    intro:
      'Engawa is a place to learn from and support each other across departments and titles. Before your first post, please read these commitments.',
    respect: 'Be respectful. No personal attacks, discrimination or harassment.',
    openness:
      'Keep it open. Posts here are visible to the whole company by default; when in doubt, talk in the open.',
    safety:
      'Experiments are welcome. Small failures and what we learned from them are an asset of the company; nobody is blamed for trying.',
    privacy:
      "Do not post personal or confidential information, and never write about someone else's evaluation, health or private life without their consent.",
    ai: 'Check AI output before you share it. Naming the source and the tool you used helps everyone learn.',
    report:
      'If you see an offensive post, report it. Organizers and admins review it; the person you report is never told who reported them.',
    acknowledge: 'I have read the code of conduct',
  },
  firstVisit: {
    purpose: 'Purpose of this community',
    rules: 'Rules of this community',
    acknowledge: 'I have read the purpose and rules',
  },
  visibility: {
    open: 'Open to the whole company',
    private: 'Private',
  },
  kinds: {
    post: 'Post',
    question: 'Question',
    announcement: 'Announcement',
    prompt_recipe: 'Prompt recipe',
    success_case: 'Success case',
    small_failure: 'Small failure and lessons',
  },
  fields: {
    goal: 'Goal',
    prompt: 'Prompt',
    exampleOutput: 'Example output',
    tips: 'Tips and caveats',
    tool: 'Tool / model used',
    challenge: 'The challenge',
    approach: 'What we did',
    result: 'Result',
    tried: 'What I tried',
    happened: 'What happened',
    learned: 'What I learned',
  },
  reactions: {
    thumbsup: 'Like',
    heart: 'Love',
    laugh: 'Funny',
    tada: 'Congrats',
    pray: 'Thanks',
    eyes: 'Seen',
    bulb: 'Insightful',
    clap: 'Great',
  },
  signals: {
    used: 'I used this',
    helped: 'This helped',
  },
  audience: {
    community: 'This community',
    company: 'Whole company',
  },
  post: {
    deleted: 'This post was deleted.',
    commentDeleted: 'This comment was deleted.',
    hidden: 'This post has been hidden by a moderator.',
    edited: 'Edited',
    pinned: 'Pinned',
    acceptedAnswer: 'Accepted answer',
    confirmRead: 'Confirm I read this',
    unread: 'Unread',
  },
  moderation: {
    hide: 'Hide',
    restore: 'Restore',
    dismiss: 'Dismiss (no problem)',
  },
  webhook: {
    author: '{{name}} (webhook)',
  },
};
