/**
 * What the demo's people write: the chat-service leak told to the people affected, in Chinese for
 * those in China and German for those in Germany, and reported to each authority in the language of
 * its report. A section or item the shipped regimes ask for that is not here stops the demo with its
 * name, rather than sending filler.
 */
type Words = Record<string, string>;

/** The notice's sections, per language, as counsel approved them; `day` is the day the leak was found. */
export function noticeSections(language: 'zh-CN' | 'de', day: string): Words {
  if (language === 'zh-CN') {
    return {
      whatHappened: `${day}，我们发现一台聊天服务数据库因访问控制规则配置错误，可以从互联网访问。在此期间，数据库中的手机号码和聊天消息内容可能已被未经授权的人员读取。该错误发生在一次数据库迁移过程中。`,
      informationInvolved: '您的手机号码，以及您通过我们的聊天服务发送和接收的消息内容。该数据库不存储密码和支付信息，这些信息未受影响。',
      likelyConsequences: '不法分子可能利用您的手机号码拨打诈骗电话或发送钓鱼短信，您的聊天内容也可能被他人知悉。',
      whatWeAreDoing: '我们已于发现当日关闭该数据库的互联网访问，更换了全部访问凭据，委托独立的安全机构开展调查，并已向主管部门报告。',
      whatYouCanDo: '请警惕自称我公司工作人员的来电和短信，切勿向任何人透露验证码。如发现可疑情况，请及时与我们联系。',
      contact: '如有疑问，请联系我们的个人信息保护负责人：电子邮箱 privacy@chatter.example，电话 400-000-0000（工作日 9:00 至 18:00）。',
    };
  }
  return {
    whatHappened: `Am ${day} haben wir festgestellt, dass eine Datenbank unseres Chat-Dienstes wegen einer fehlerhaften Zugriffsregel aus dem Internet erreichbar war. In diesem Zeitraum konnten Unbefugte die dort gespeicherten Telefonnummern und Nachrichteninhalte einsehen. Der Fehler entstand bei der Umstellung der Datenbank auf neue Server.`,
    informationInvolved: 'Ihre Telefonnummer und die Inhalte der Nachrichten, die Sie über unseren Chat-Dienst gesendet und empfangen haben. Passwörter und Zahlungsdaten waren in dieser Datenbank nicht gespeichert und sind nicht betroffen.',
    likelyConsequences: 'Unbefugte könnten Ihre Telefonnummer für betrügerische Anrufe oder Phishing-Nachrichten nutzen, und der Inhalt Ihrer Unterhaltungen könnte Dritten bekannt werden.',
    whatWeAreDoing: 'Wir haben den Zugang aus dem Internet noch am selben Tag gesperrt, sämtliche Zugangsdaten erneuert und einen unabhängigen Sicherheitsdienstleister mit der Untersuchung beauftragt. Die zuständigen Aufsichtsbehörden haben wir informiert.',
    whatYouCanDo: 'Seien Sie vorsichtig bei Anrufen und Nachrichten, die angeblich von uns stammen, und geben Sie Bestätigungscodes an niemanden weiter. Wenden Sie sich im Zweifel an uns.',
    contact: 'Unseren Datenschutzbeauftragten erreichen Sie unter privacy@chatter.example oder telefonisch unter +49 30 0000000.',
  };
}

/** Each report's summary for its authority: China's in Chinese, the German authority's in English (its template's language). */
export const reportSummaries: Readonly<Record<'zh' | 'en', string>> = {
  zh: '聊天服务数据库因访问控制规则配置错误可从互联网访问，约120万名境内用户的手机号码和聊天消息内容可能已被读取。已于发现当日关闭互联网访问。',
  en: 'A chat-service database was reachable from the internet because of an access-control error. The phone numbers and message contents of about 40,000 users resident in Germany may have been read. Access was closed on the day the error was found.',
};

/** The items of each report the demo files, as the responders wrote them. */
const REPORT_ITEMS: Readonly<Record<'zh' | 'en', Words>> = {
  zh: {
    categoriesOfData: '手机号码、聊天消息内容。',
    causeOfIncident: '数据库迁移过程中访问控制规则配置错误，导致数据库可从互联网访问。',
    possibleHarm: '个人可能收到诈骗电话或钓鱼短信，聊天内容可能被他人知悉。',
    remedialMeasures: '已关闭互联网访问，更换全部访问凭据，委托独立机构调查，并已通知受影响的个人。',
    mitigationForIndividuals: '提醒个人警惕自称本公司工作人员的来电和短信，不向他人透露验证码。',
    contactInformation: '个人信息保护负责人：privacy@chatter.example，电话 400-000-0000。',
    entityAndSystem: 'Chatter Ltd，聊天服务运营者；事件涉及聊天服务的消息数据库。',
    timePlaceTypeGradeImpact: '发现当日即确认；数据库部署于公司境内数据中心；事件类型为数据泄露风险；按《网络安全事件分级指南》初步判定为较大事件；约120万名用户的手机号码和聊天内容可能被读取。',
    emergencyMeasures: '已于发现当日关闭互联网访问并更换凭据；访问日志已封存；目前未发现数据被批量下载的证据。',
    trendAndFurtherImpact: '数据库已不能从互联网访问，事态已得到控制；如数据已被获取，可能被用于电信网络诈骗。',
    preliminaryCauseAnalysis: '数据库迁移过程中访问控制规则配置错误。',
    tracingLeads: '正在分析数据库访问日志，以确定是否存在未经授权的访问及其来源。',
    plannedMeasuresAndSupport: '完成日志分析后提交补充报告；暂无支援请求。',
    evidencePreservation: '相关服务器日志和配置快照均已完整保存。',
    otherMatters: '已依照《个人信息保护法》第五十七条通知受影响的个人。',
  },
  en: {
    natureOfBreach: 'A chat-service database was reachable from the internet because an access-control rule was set wrongly during a migration. The phone numbers and message contents stored in it could have been read by unauthorised persons. Access was closed on the day of discovery.',
    categoriesAndNumberOfDataSubjects: 'Users of the Chatter chat service resident in Germany: about 40,000.',
    categoriesAndNumberOfRecords: 'About 40,000 user records, each holding a phone number and stored message contents.',
    contactPoint: 'Data protection officer, privacy@chatter.example, +49 30 0000000.',
    likelyConsequences: 'Fraudulent calls and phishing messages to the phone numbers; disclosure of the contents of private conversations.',
    measuresTaken: 'Internet access closed and all credentials rotated on the day of discovery; an independent investigator engaged; the data subjects notified under Art. 34.',
    reasonsForDelay: 'None: this notification is made within 72 hours of awareness.',
  },
};

/** The text of a report item; one the demo has no words for stops it, naming the item. */
export function reportItem(field: string, language: 'zh' | 'en'): string {
  const text = REPORT_ITEMS[language][field];
  if (text === undefined) throw new Error(`the demo has no ${language} words for the report item ${field}: add them to src/demo/demo-text.ts`);
  return text;
}

/** A notice section the demo has no words for stops it the same way. */
export function sectionText(sections: Words, field: string, language: string): string {
  const text = sections[field];
  if (text === undefined) throw new Error(`the demo has no ${language} words for the notice section ${field}: add them to src/demo/demo-text.ts`);
  return text;
}
