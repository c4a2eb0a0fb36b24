/** The README's example as assessment facts: a chat service leaking phone numbers and messages of 1.2 million people in China and 40,000 in Germany. */
export const chatLeakFacts = {
  awarenessAt: '2026-11-20T08:00:00+08:00',
  organization: {},
  affected: [
    { jurisdiction: 'CN', count: 1_200_000 },
    { jurisdiction: 'DE', count: 40_000 },
  ],
  dataCategories: ['contact', 'communications_content'],
};
