import type { CatalogShape } from '../index.ts';
import type { jaCompanion } from '../ja/companion.ts';

export const enCompanion: CatalogShape<typeof jaCompanion> = {
  title: 'Career talk',
  intro: {
    heading: 'About career talk',
    whatHeading: 'What this AI does',
    what: 'This AI is a sounding board: it listens, asks questions, helps you sort out your thoughts and suggests ideas for a next step.',
    whatItems: {
      listens: 'It listens to you',
      asks: 'It asks questions that help you think',
      organises: 'It sorts what you said, in your own words',
      suggests: 'It suggests ideas for a next step',
    },
    notForHeading: 'What this AI does not do',
    notFor:
      'This AI does not judge you and does not decide anything. You decide. Make important decisions together with your manager or HRBP.',
    notForItems: {
      judge: 'It does not judge or evaluate you or anyone else',
      decide: 'It does not decide for you',
      replace: 'It does not replace your manager, HRBP or a support contact',
    },
    companyPolicyHeading: "Your company's AI policy",
    companyPolicyMissing: "Your company's AI policy has not been written yet.",
    engineOffline:
      'No AI model is configured, so a built-in guided reflection asks you questions and sorts your answers.',
    engineLlm: 'An AI model chosen by your company answers.',
  },
  privacy: {
    heading: 'Our privacy promise',
    nobodyCanRead:
      'Nobody but you can read what you write here: not your manager, not HR, not the system administrators.',
    neverEvaluation: 'It is never used for performance reviews or decisions about your role.',
    usageNotRecorded: 'Whether, when or how much you use it is not recorded for any person.',
    ephemeralDefault:
      'By default nothing is kept: once the answer is shown, nothing of the conversation remains on the server.',
    encrypted:
      'Conversations and notes you choose to keep are encrypted with a key of your own. You can export or delete them at any time.',
    crisis:
      'If something you write sounds like distress or harassment, support contacts are shown at once. Nobody is told and nothing about it is recorded.',
  },
  modes: {
    free: {
      name: 'Just talk',
      description: 'Talk freely about whatever is on your mind.',
      opening: 'What would you like to talk about today? Work, career, anything is fine.',
    },
    moyamoya: {
      name: 'Sort out vague feelings',
      description: 'Put words to feelings that are hard to name, step by step.',
      opening: 'Write down whatever is bothering you or feels unclear right now, as it comes to mind.',
    },
    strengths: {
      name: 'Strengths and values',
      description: 'Find your strengths and what matters to you, from your own experience.',
      opening: 'Tell me about one piece of work or moment recently that went well or felt rewarding.',
    },
    oneonone: {
      name: 'Prepare a 1on1',
      description: 'Sort out what you want to talk about and draft an agenda for your next 1on1.',
      opening: 'What is the one topic you most want to talk about in your next 1on1?',
    },
    direction: {
      name: 'Career direction (Will / Can / Must)',
      description: 'Put what you want, what you can and what is expected side by side.',
      opening: 'Will: what would you like to try from now on, and who would you like to become?',
    },
    learning: {
      name: 'Learning plan',
      description: 'Decide what to learn and a way of learning you can keep up.',
      opening: 'What skill or knowledge would you like to build?',
    },
  },
  flows: {
    free: {
      q1: 'Tell me a little more. What happened?',
      q2: 'How did you feel at that moment?',
      q3: 'What matters most to you in this?',
      q4: 'If you could change one small thing about the situation, what would it be?',
      done: 'Having talked this through, what do you notice? You can keep talking, or press "Summarize" to sort it out.',
    },
    moyamoya: {
      q1: 'Since when have you felt this, and in which situations does it come up most?',
      q2: 'Underneath it, is there something you would really like to do, or like to happen?',
      q3: 'If you split it into what you could change yourself and what is hard to change, how would it divide?',
      q4: 'What is a small next step you could try? If there is something you would like to raise with your manager or HRBP, tell me that too.',
      done: 'It is taking shape in words. Press "Summarize" to get a summary in your own words, or keep talking.',
    },
    strengths: {
      q1: 'What did you do that made it work? What did you care about?',
      q2: 'What do people often ask you for, or thank you for?',
      q3: 'Is there a value at work you would not give up?',
      q4: 'And the other way round: what drains you or weighs on you?',
      done: 'Your strengths and values are becoming visible. Press "Summarize" to put them in a table.',
    },
    oneonone: {
      q1: 'About that topic, what situation or facts would you like your manager to know?',
      q2: 'What would you like to ask your manager, or ask them for?',
      q3: 'When the 1on1 ends, what would make you feel it was worth it?',
      q4: 'Anything else you would like to raise? "Nothing else" is fine.',
      done: 'Your 1on1 is taking shape. Press "Summarize" to draft an agenda. Whether to share it, and which items, is up to you.',
    },
    direction: {
      q1: 'Can: what can you do now, what are you good at, what experience have you built up?',
      q2: 'Must: what do you feel is expected of you in your current role?',
      q3: 'Looking at Will, Can and Must side by side, where do they overlap and where do they pull apart?',
      q4: 'To widen the overlap, what experience would you like to gain next, or what small step could you take?',
      done: 'Will, Can and Must are all there. Press "Summarize" for a table in your own words. The direction is yours to decide; use it in talks with your manager or HRBP.',
    },
    learning: {
      q1: 'Why do you want to learn it, and what would you like to do with it?',
      q2: 'How would you describe your current level, in your own words?',
      q3: 'How much time a week could you give it? Which ways of learning suit you (books, training, on the job, asking people)?',
      q4: 'What exactly will you do in the first two weeks?',
      done: 'You have what a learning plan needs. Press "Summarize" to make a plan table.',
    },
  },
  reflect: {
    a: 'You wrote: "{{quote}}".',
    b: '"{{quote}}" stays with me.',
    c: '"{{quote}}" — that sounds important.',
    short: 'Thank you for telling me.',
  },
  retention: {
    heading: 'Keep this conversation?',
    ephemeral: 'Do not keep (default)',
    '30': 'Keep for 30 days',
    '90': 'Keep for 90 days',
    '365': 'Keep for 1 year',
    forever: 'Keep until I delete it',
    help: 'With "Do not keep", nothing remains on the server once the answer is shown. Kept conversations are deleted automatically when the chosen time has passed since the last message.',
  },
  crisis: {
    heading: 'You do not have to carry this alone',
    body: 'There are people who will listen. You can reach the contacts below. Nobody is told that this was shown, and nothing about it is recorded.',
    companyContacts: 'Support contacts at your company',
    publicContacts: 'Public support contacts',
    public: {
      kokoro: {
        name: 'Kokoro no Mimi (Ministry of Health, Labour and Welfare)',
        description:
          'Mental health site for working people, listing phone, chat and e-mail support (Japanese).',
      },
      mamorouyo: {
        name: 'Mamorouyo Kokoro (Ministry of Health, Labour and Welfare)',
        description: 'A list of support lines you can reach by phone or chat (Japanese).',
      },
      emergency: {
        name: 'In an emergency',
        description:
          'If a life is in danger, call 119 (ambulance) or 110 (police) in Japan, or your local emergency number, without hesitation.',
      },
    },
  },
  summary: {
    note: 'This summary is built from your own words. Rewrite it as you like.',
    empty: '(not talked about yet)',
    item: 'Item',
    yourWords: 'In your words',
    more: 'Other things you said',
    titles: {
      free: 'What you talked about',
      moyamoya: 'Sorting out vague feelings',
      strengths: 'Strengths and values',
      oneonone: '1on1 agenda (draft)',
      direction: 'Career direction (Will / Can / Must)',
      learning: 'Learning plan',
    },
    fields: {
      moyamoya: {
        now: 'What bothers you',
        when: 'Since when, in which situations',
        want: 'What you would really like',
        control: 'What you can change, what is hard to change',
        next: 'Next step',
      },
      strengths: {
        success: 'What went well',
        effort: 'What you did and cared about',
        asked: 'What people ask or thank you for',
        values: 'Values you would not give up',
        drain: 'What drains you',
      },
      oneonone: {
        theme: 'Topic',
        context: 'Situation to know about',
        ask: 'Questions and requests',
        goal: 'What you want from the 1on1',
        other: 'Other',
      },
      direction: {
        will: 'Will (what you want)',
        can: 'Can (what you can do)',
        must: 'Must (what is expected)',
        overlap: 'Overlaps and gaps',
        next: 'Next step',
      },
      learning: {
        what: 'What to learn',
        why: 'Why',
        level: 'Current level',
        time: 'Time and ways of learning',
        first: 'First two weeks',
      },
      free: {
        said: 'What you said',
      },
    },
    shareNote: 'Whether to share this with your manager, and which items, is up to you.',
  },
  export: {
    title: 'Career talk record',
    mode: 'Mode',
    retention: 'Kept',
    createdAt: 'Started',
    updatedAt: 'Last updated',
    you: 'You',
    companion: 'Career talk AI',
    summaries: 'Summaries',
    privateNote: 'This record is yours alone.',
  },
  notes: {
    heading: 'Private notes',
    untitled: 'Untitled note',
  },
  settings: {
    heading: 'Career talk settings',
    aiPolicyJa: 'AI role and limits (Japanese)',
    aiPolicyEn: 'AI role and limits (English)',
    crisisContacts: 'Support contacts',
    help: 'What you set here is shown to everyone who opens career talk.',
  },
  insights: {
    heading: 'Career talk users (company-wide, per month)',
    explanation:
      'No per-person usage is recorded. Only the number of people who used it in a month, company-wide, is shown, and only when it is at least {{k}}.',
    suppressed: 'Hidden: fewer than {{k}} people',
    open: 'Counting (final when the month ends)',
  },
  tools: {
    noteSaved: 'Saved to your private notes: “{{title}}”',
    noteFailed: 'The note could not be saved. Please try again.',
    agendaFailed: 'The 1on1 agenda draft could not be made.',
  },
};
