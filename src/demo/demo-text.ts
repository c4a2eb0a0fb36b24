/**
 * What the walkthrough's people write: the chat-service leak's facts, item by item, in Chinese and
 * English. Items a regime asks for that are not listed here get a sentence that names the item, so
 * the demo works whatever the shipped regimes require.
 */
const ITEMS: Record<string, { zh: string; en: string }> = {
  natureOfBreach: {
    zh: '2026年11月20日，我们发现一台聊天服务数据库因配置错误可被互联网访问，其中的手机号码和聊天消息内容可能已被未经授权的人员读取。',
    en: 'On 20 November 2026 we found that a chat-service database was reachable from the internet because of a configuration error. Phone numbers and message contents in it may have been read by unauthorised people.',
  },
  categoriesOfData: { zh: '手机号码、聊天消息内容。', en: 'Phone numbers and the contents of chat messages.' },
  causeOfIncident: { zh: '数据库访问控制配置错误，使其对公网开放。', en: 'A database access-control setting was wrong and left it open to the internet.' },
  possibleHarm: {
    zh: '您可能收到诈骗电话或短信；聊天内容可能被他人知悉。',
    en: 'You may receive scam calls or messages, and others may learn what was in your chats.',
  },
  likelyConsequences: {
    zh: '可能的后果包括诈骗电话、钓鱼短信以及私人对话内容的泄露。',
    en: 'Likely consequences are scam calls, phishing messages and disclosure of private conversations.',
  },
  remedialMeasures: {
    zh: '我们已于发现当日关闭公网访问，轮换了全部访问凭据，并委托第三方开展调查。',
    en: 'We closed internet access on the day we found it, rotated every access credential and engaged an independent investigator.',
  },
  measuresTaken: {
    zh: '已关闭公网访问、轮换凭据、加强访问审计，并向监管机构报告。',
    en: 'We closed internet access, rotated credentials, tightened access auditing and reported the breach to the regulators.',
  },
  mitigationForIndividuals: {
    zh: '请警惕自称本公司的来电和短信，不要透露验证码；如有疑问请联系我们。',
    en: 'Be wary of calls and messages claiming to be from us, never share one-time codes, and contact us if in doubt.',
  },
  contactInformation: { zh: '个人信息保护负责人：privacy@chatter.example，电话 400-000-0000。', en: 'Data protection officer: privacy@chatter.example, +49 30 0000000.' },
  contactPoint: { zh: '个人信息保护负责人：privacy@chatter.example。', en: 'Data protection officer: privacy@chatter.example.' },
};

/** The text of `field` in `language`; `label` names an item the walkthrough has no words for. */
export function itemText(field: string, label: string, language: 'zh' | 'en'): string {
  const known = ITEMS[field];
  if (known !== undefined) return known[language];
  return language === 'zh' ? `${label}：详见事件摘要，调查仍在进行。` : `${label}: see the incident summary; the investigation continues.`;
}
