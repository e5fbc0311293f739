/**
 * General-knowledge cue lexicon for events and relations: inflected verb forms and event nouns of English news
 * prose, looked up token by token (a Map, no regex per cue). Nothing here is specific to one article.
 */
import type { RelationType } from '../../src/model/schema';

/** What a cue contributes: a typed relation, a reporting verb (said, told) or a reportable action without a type. */
export type CueRole = 'relation' | 'report' | 'action';

export interface CueEntry {
  lemma: string;
  /** Past-tense phrase used in titles ("visited", "held talks with"). */
  past: string;
  role: CueRole;
  type?: RelationType;
  /** Prepositions that introduce the object ("spoke with X", "training to X"). */
  preps?: readonly string[];
  /** The relation has no direction (talks, agreements, ties). */
  symmetric?: boolean;
  /** An event noun ("visit", "invasion"): its agent may be a possessive ("X's visit to Y"). */
  noun?: boolean;
  /** Only a cue when one of `preps` directly follows (e.g. "spoke" needs "with"/"to"). */
  needsPrep?: boolean;
  /** Words that, right after the form, cancel the cue ("thanks to", "visiting fellow"). */
  notBefore?: readonly string[];
  /** A noun whose subject may be joined by a copula ("X is a loyal friend to Y"). */
  copular?: boolean;
  /** A prepositional phrase ("with the participation of"): its subject is the clause's subject. */
  adjunct?: boolean;
  /** A negative-polarity idiom: asserted only when negated ("did not turn a blind eye to X" criticises X). */
  negativePolarity?: boolean;
}

interface VerbSpec {
  lemma: string;
  forms: string;
  past: string;
  type?: RelationType;
  role?: CueRole;
  preps?: string;
  symmetric?: boolean;
  needsPrep?: boolean;
  notBefore?: string;
}

/** Title nouns for academic/visiting positions: "visiting senior research fellow" is not a visit. */
const POSITION_WORDS = 'senior,research,fellow,professor,scholar,lecturer,researcher,scientist,academic,student,teams';

const VERBS: VerbSpec[] = [
  // consult
  {
    lemma: 'talk',
    forms: 'talk,talks,talked,talking',
    past: 'talked',
    type: 'consult',
    preps: 'with,to',
    symmetric: true,
    needsPrep: true,
  },
  {
    lemma: 'speak',
    forms: 'speak,speaks,spoke,spoken,speaking',
    past: 'spoke',
    type: 'consult',
    preps: 'with,to',
    symmetric: true,
    needsPrep: true,
  },
  { lemma: 'meet', forms: 'meet,meets,met,meeting', past: 'met', type: 'consult', preps: 'with', symmetric: true },
  {
    lemma: 'visit',
    forms: 'visit,visits,visited,visiting',
    past: 'visited',
    type: 'consult',
    notBefore: POSITION_WORDS,
  },
  { lemma: 'call', forms: 'call,calls,called,phoned,telephoned', past: 'called', type: 'consult', preps: 'on,upon' },
  {
    lemma: 'consult',
    forms: 'consult,consults,consulted,consulting',
    past: 'consulted',
    type: 'consult',
    preps: 'with',
  },
  {
    lemma: 'confer',
    forms: 'confer,confers,conferred,conferring',
    past: 'conferred',
    type: 'consult',
    preps: 'with',
    symmetric: true,
  },
  {
    lemma: 'discuss',
    forms: 'discuss,discusses,discussed',
    past: 'discussed',
    type: 'consult',
    preps: 'with',
    symmetric: true,
  },
  {
    lemma: 'negotiate',
    forms: 'negotiate,negotiates,negotiated,negotiating',
    past: 'negotiated',
    type: 'consult',
    preps: 'with',
    symmetric: true,
  },
  { lemma: 'host', forms: 'host,hosts,hosted', past: 'hosted', type: 'cooperate' },
  // support
  {
    lemma: 'praise',
    forms: 'praise,praises,praised,praising,lauded,lauds,hailed,hails',
    past: 'praised',
    type: 'support',
  },
  { lemma: 'thank', forms: 'thank,thanks,thanked,thanking', past: 'thanked', type: 'support', notBefore: 'to' },
  { lemma: 'endorse', forms: 'endorse,endorses,endorsed,endorsing', past: 'endorsed', type: 'support' },
  {
    lemma: 'co-sponsor',
    forms: 'co-sponsor,co-sponsors,co-sponsored,co-sponsoring,cosponsored',
    past: 'co-sponsored',
    type: 'support',
  },
  { lemma: 'back', forms: 'backs,backed,backing', past: 'backed', type: 'support', notBefore: 'on,in,to,then' },
  { lemma: 'support', forms: 'support,supports,supported,supporting', past: 'supported', type: 'support' },
  { lemma: 'welcome', forms: 'welcome,welcomes,welcomed,welcoming', past: 'welcomed', type: 'support' },
  { lemma: 'congratulate', forms: 'congratulate,congratulates,congratulated', past: 'congratulated', type: 'support' },
  {
    lemma: 'recognise',
    forms: 'recognise,recognises,recognised,recognize,recognizes,recognized',
    past: 'recognised',
    type: 'support',
  },
  // cooperate
  {
    lemma: 'agree',
    forms: 'agree,agrees,agreed',
    past: 'agreed',
    type: 'cooperate',
    preps: 'with,to',
    symmetric: true,
  },
  { lemma: 'sign', forms: 'sign,signs,signed,signing', past: 'signed', type: 'cooperate', preps: 'with' },
  {
    lemma: 'cooperate',
    forms: 'cooperate,cooperates,cooperated,cooperating,collaborate,collaborates,collaborated,collaborating',
    past: 'cooperated',
    type: 'cooperate',
    preps: 'with',
    symmetric: true,
  },
  { lemma: 'partner', forms: 'partnered', past: 'partnered', type: 'cooperate', preps: 'with', symmetric: true },
  {
    lemma: 'forge',
    forms: 'forge,forges,forged,forging',
    past: 'forged',
    type: 'cooperate',
    preps: 'with',
    symmetric: true,
  },
  {
    lemma: 'establish',
    forms: 'establish,establishes,established',
    past: 'established',
    type: 'cooperate',
    preps: 'with',
  },
  { lemma: 'ally', forms: 'allied', past: 'allied', type: 'cooperate', preps: 'with', symmetric: true },
  // aid
  { lemma: 'train', forms: 'train,trains,trained', past: 'trained', type: 'aid' },
  { lemma: 'aid', forms: 'aided,aiding', past: 'aided', type: 'aid' },
  { lemma: 'assist', forms: 'assist,assists,assisted,assisting', past: 'assisted', type: 'aid' },
  { lemma: 'help', forms: 'help,helps,helped,helping', past: 'helped', type: 'aid' },
  { lemma: 'fund', forms: 'fund,funds,funded,financed', past: 'funded', type: 'aid', preps: 'to,for' },
  { lemma: 'donate', forms: 'donate,donates,donated,donating', past: 'donated', type: 'aid', preps: 'to' },
  { lemma: 'provide', forms: 'provide,provides,provided,providing', past: 'provided', type: 'aid', preps: 'to,for' },
  { lemma: 'supply', forms: 'supplied,supplying', past: 'supplied', type: 'aid', preps: 'to' },
  { lemma: 'send', forms: 'send,sends,sent,sending', past: 'sent', type: 'aid', preps: 'to' },
  { lemma: 'deploy', forms: 'deploy,deploys,deployed,deploying', past: 'deployed', type: 'aid', preps: 'to' },
  { lemma: 'give', forms: 'give,gives,gave,giving', past: 'gave', type: 'aid', preps: 'to' },
  { lemma: 'offer', forms: 'offer,offers,offered,offering', past: 'offered', type: 'aid', preps: 'to' },
  { lemma: 'grant', forms: 'grants,granted', past: 'granted', type: 'aid', preps: 'to' },
  // request
  { lemma: 'ask', forms: 'ask,asks,asked,asking', past: 'asked', type: 'request' },
  { lemma: 'urge', forms: 'urge,urges,urged,urging', past: 'urged', type: 'request' },
  { lemma: 'appeal', forms: 'appeal,appeals,appealed,appealing', past: 'appealed to', type: 'request', preps: 'to' },
  {
    lemma: 'request',
    forms: 'request,requests,requested,requesting',
    past: 'requested',
    type: 'request',
    preps: 'from,of',
  },
  {
    lemma: 'solicit',
    forms: 'solicit,solicits,solicited,soliciting',
    past: 'solicited',
    type: 'request',
    preps: 'from',
  },
  { lemma: 'demand', forms: 'demand,demands,demanded,demanding', past: 'demanded', type: 'request', preps: 'from,of' },
  { lemma: 'invite', forms: 'invite,invites,invited,inviting', past: 'invited', type: 'request' },
  // criticize
  { lemma: 'condemn', forms: 'condemn,condemns,condemned,condemning', past: 'condemned', type: 'criticize' },
  { lemma: 'reject', forms: 'reject,rejects,rejected,rejecting', past: 'rejected', type: 'criticize' },
  { lemma: 'denounce', forms: 'denounce,denounces,denounced,denouncing', past: 'denounced', type: 'criticize' },
  { lemma: 'oppose', forms: 'oppose,opposes,opposed,opposing', past: 'opposed', type: 'criticize' },
  { lemma: 'warn', forms: 'warn,warns,warned,warning', past: 'warned', type: 'criticize' },
  { lemma: 'dismiss', forms: 'dismiss,dismisses,dismissed,dismissing', past: 'dismissed', type: 'criticize' },
  {
    lemma: 'criticise',
    forms: 'criticise,criticises,criticised,criticising,criticize,criticizes,criticized,criticizing',
    past: 'criticised',
    type: 'criticize',
  },
  { lemma: 'accuse', forms: 'accuse,accuses,accused,accusing', past: 'accused', type: 'criticize' },
  { lemma: 'blame', forms: 'blames,blamed', past: 'blamed', type: 'criticize' },
  { lemma: 'sanction', forms: 'sanctioned,sanctioning', past: 'sanctioned', type: 'criticize' },
  { lemma: 'protest', forms: 'protested', past: 'protested', type: 'criticize', preps: 'against' },
  { lemma: 'threaten', forms: 'threaten,threatens,threatened,threatening', past: 'threatened', type: 'criticize' },
  // attack
  { lemma: 'invade', forms: 'invade,invades,invaded,invading', past: 'invaded', type: 'attack' },
  { lemma: 'attack', forms: 'attack,attacks,attacked,attacking', past: 'attacked', type: 'attack' },
  { lemma: 'bomb', forms: 'bombed,bombing,shelled,shelling', past: 'bombed', type: 'attack' },
  { lemma: 'occupy', forms: 'occupy,occupies,occupied,occupying', past: 'occupied', type: 'attack' },
  { lemma: 'annex', forms: 'annex,annexes,annexed,annexing', past: 'annexed', type: 'attack' },
  // reporting verbs (events, no relation)
  { lemma: 'say', forms: 'say,says,said', past: 'said', role: 'report' },
  { lemma: 'tell', forms: 'tell,tells,told', past: 'told', role: 'report' },
  { lemma: 'add', forms: 'adds,added', past: 'added', role: 'report' },
  { lemma: 'state', forms: 'states,stated', past: 'stated', role: 'report' },
  { lemma: 'stress', forms: 'stresses,stressed', past: 'stressed', role: 'report' },
  { lemma: 'reiterate', forms: 'reiterate,reiterates,reiterated', past: 'reiterated', role: 'report' },
  { lemma: 'claim', forms: 'claims,claimed', past: 'claimed', role: 'report' },
  { lemma: 'announce', forms: 'announce,announces,announced', past: 'announced', role: 'report' },
  { lemma: 'note', forms: 'notes,noted', past: 'noted', role: 'report' },
  { lemma: 'recount', forms: 'recounts,recounted', past: 'recounted', role: 'report' },
  { lemma: 'recall', forms: 'recalls,recalled', past: 'recalled', role: 'report' },
  { lemma: 'emphasise', forms: 'emphasises,emphasised,emphasizes,emphasized', past: 'emphasised', role: 'report' },
  { lemma: 'affirm', forms: 'affirms,affirmed,reaffirms,reaffirmed', past: 'affirmed', role: 'report' },
  { lemma: 'declare', forms: 'declares,declared', past: 'declared', role: 'report' },
  { lemma: 'explain', forms: 'explains,explained', past: 'explained', role: 'report' },
  { lemma: 'insist', forms: 'insists,insisted', past: 'insisted', role: 'report' },
  { lemma: 'report', forms: 'reports,reported', past: 'reported', role: 'report' },
  { lemma: 'vow', forms: 'vows,vowed,pledged,pledges', past: 'pledged', role: 'report' },
  // reportable actions without a relation type
  { lemma: 'accept', forms: 'accept,accepts,accepted', past: 'accepted', role: 'action' },
  { lemma: 'attend', forms: 'attend,attends,attended', past: 'attended', role: 'action' },
  { lemma: 'adopt', forms: 'adopts,adopted', past: 'adopted', role: 'action' },
  { lemma: 'allow', forms: 'allow,allows,allowed', past: 'allowed', role: 'action' },
  { lemma: 'decide', forms: 'decides,decided', past: 'decided', role: 'action' },
  { lemma: 'vote', forms: 'vote,votes,voted', past: 'voted', role: 'action' },
  { lemma: 'chair', forms: 'chairs,chaired,chairing', past: 'chaired', type: 'cooperate' },
  { lemma: 'run', forms: 'ran', past: 'ran', role: 'action' },
  { lemma: 'launch', forms: 'launch,launches,launched', past: 'launched', role: 'action' },
  { lemma: 'join', forms: 'joins,joined', past: 'joined', role: 'action' },
  { lemma: 'skip', forms: 'skips,skipped', past: 'skipped', role: 'action' },
  { lemma: 'appoint', forms: 'appoints,appointed', past: 'appointed', role: 'action' },
  { lemma: 'approve', forms: 'approves,approved', past: 'approved', role: 'action' },
  { lemma: 'ratify', forms: 'ratifies,ratified', past: 'ratified', role: 'action' },
  { lemma: 'withdraw', forms: 'withdraws,withdrew', past: 'withdrew', role: 'action' },
  { lemma: 'share', forms: 'shared', past: 'shared', role: 'action' },
  { lemma: 'exchange', forms: 'exchanged', past: 'exchanged', role: 'action' },
  { lemma: 'plan', forms: 'plans,planned', past: 'planned', role: 'action' },
  { lemma: 'look forward', forms: 'looks,looked', past: 'looked', role: 'action', needsPrep: true, preps: 'forward' },
  { lemma: 'become', forms: 'became', past: 'became', role: 'action' },
  { lemma: 'increase', forms: 'increased', past: 'increased', role: 'action' },
  { lemma: 'make', forms: 'made', past: 'made', role: 'action' },
];

interface NounSpec {
  forms: string;
  lemma: string;
  past: string;
  type: RelationType;
  preps?: string;
  symmetric?: boolean;
  needsPrep?: boolean;
  copular?: boolean;
}

const NOUNS: NounSpec[] = [
  { forms: 'visit', lemma: 'visit', past: 'visited', type: 'consult', preps: 'to' },
  {
    forms: 'talks,conversation,conversations',
    lemma: 'talks',
    past: 'held talks with',
    type: 'consult',
    preps: 'with',
    symmetric: true,
  },
  {
    forms: 'meeting,meetings',
    lemma: 'meeting',
    past: 'met',
    type: 'consult',
    preps: 'with',
    symmetric: true,
    needsPrep: true,
  },
  {
    forms: 'summit',
    lemma: 'summit',
    past: 'held a summit with',
    type: 'consult',
    preps: 'with',
    symmetric: true,
    needsPrep: true,
  },
  { forms: 'call,calls', lemma: 'call', past: 'called', type: 'consult', preps: 'with,by,from', needsPrep: true },
  { forms: 'praise', lemma: 'praise', past: 'praised', type: 'support', preps: 'for,of', needsPrep: true },
  { forms: 'endorsement', lemma: 'endorsement', past: 'endorsed', type: 'support', preps: 'of' },
  {
    forms: 'agreement,agreements,treaty,pact',
    lemma: 'agreement',
    past: 'reached an agreement with',
    type: 'cooperate',
    preps: 'with',
    symmetric: true,
  },
  {
    forms: 'partnership,partnerships,partners,partner,alliance,ally,allies',
    lemma: 'partnership',
    past: 'partnered with',
    type: 'cooperate',
    preps: 'with,of,to',
    symmetric: true,
    copular: true,
  },
  {
    forms: 'friend,friends,friendship',
    lemma: 'friendship',
    past: 'was a friend to',
    type: 'cooperate',
    preps: 'to,of,with',
    symmetric: true,
    copular: true,
  },
  {
    forms: 'ties,relations,relationship',
    lemma: 'ties',
    past: 'had ties with',
    type: 'cooperate',
    preps: 'with',
    symmetric: true,
  },
  {
    forms: 'cooperation,collaboration',
    lemma: 'cooperation',
    past: 'cooperated with',
    type: 'cooperate',
    preps: 'with',
    symmetric: true,
  },
  {
    forms: 'aid,assistance,funding,donation,donations,vaccines,grant,loan,loans',
    lemma: 'aid',
    past: 'gave aid to',
    type: 'aid',
    preps: 'to,for,from',
  },
  { forms: 'training', lemma: 'training', past: 'provided training to', type: 'aid', preps: 'to,for' },
  { forms: 'gratitude,thankfulness', lemma: 'gratitude', past: 'thanked', type: 'support', preps: 'to,for' },
  { forms: 'support,backing', lemma: 'support', past: 'supported', type: 'support', preps: 'for,to' },
  { forms: 'request,appeal', lemma: 'request', past: 'asked', type: 'request', preps: 'to,from' },
  {
    forms: 'condemnation,criticism,opposition',
    lemma: 'criticism',
    past: 'criticised',
    type: 'criticize',
    preps: 'of,to',
  },
  {
    forms: 'invasion,aggression,offensive,attack,attacks,occupation,advance,war,incursion,bombardment',
    lemma: 'invasion',
    past: 'attacked',
    type: 'attack',
    preps: 'of,on,against,in,into',
  },
];

/** Multi-word cues, matched on consecutive lower-case tokens; the first token is the key. */
interface PhraseSpec {
  tokens: readonly string[];
  entry: CueEntry;
}

const ADJUNCT_COOPERATION: CueEntry = {
  lemma: 'cooperate',
  past: 'cooperated with',
  role: 'relation',
  type: 'cooperate',
  symmetric: true,
  adjunct: true,
};

const BLIND_EYE: CueEntry = {
  lemma: 'turn a blind eye to',
  past: 'turned a blind eye to',
  role: 'relation',
  type: 'criticize',
  preps: ['to'],
  negativePolarity: true,
};

const PHRASES: PhraseSpec[] = [
  ...['turn', 'turns', 'turned', 'turning'].map((w) => ({ tokens: [w, 'a', 'blind', 'eye', 'to'], entry: BLIND_EYE })),
  { tokens: ['with', 'the', 'participation', 'of'], entry: ADJUNCT_COOPERATION },
  { tokens: ['in', 'collaboration', 'with'], entry: ADJUNCT_COOPERATION },
  { tokens: ['in', 'cooperation', 'with'], entry: ADJUNCT_COOPERATION },
  { tokens: ['in', 'partnership', 'with'], entry: ADJUNCT_COOPERATION },
  { tokens: ['jointly', 'with'], entry: ADJUNCT_COOPERATION },
  { tokens: ['called', 'on'], entry: { lemma: 'call on', past: 'called on', role: 'relation', type: 'request' } },
  { tokens: ['calls', 'on'], entry: { lemma: 'call on', past: 'called on', role: 'relation', type: 'request' } },
  { tokens: ['calling', 'on'], entry: { lemma: 'call on', past: 'called on', role: 'relation', type: 'request' } },
  { tokens: ['call', 'on'], entry: { lemma: 'call on', past: 'called on', role: 'relation', type: 'request' } },
  {
    tokens: ['voted', 'against'],
    entry: { lemma: 'vote against', past: 'voted against', role: 'relation', type: 'criticize' },
  },
  {
    tokens: ['vote', 'against'],
    entry: { lemma: 'vote against', past: 'voted against', role: 'relation', type: 'criticize' },
  },
  { tokens: ['voted', 'for'], entry: { lemma: 'vote for', past: 'voted for', role: 'relation', type: 'support' } },
  {
    tokens: ['voted', 'in', 'favour', 'of'],
    entry: { lemma: 'vote for', past: 'voted for', role: 'relation', type: 'support' },
  },
  {
    tokens: ['voted', 'in', 'favor', 'of'],
    entry: { lemma: 'vote for', past: 'voted for', role: 'relation', type: 'support' },
  },
  {
    tokens: ['held', 'talks'],
    entry: {
      lemma: 'hold talks',
      past: 'held talks with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      symmetric: true,
    },
  },
  {
    tokens: ['holds', 'talks'],
    entry: {
      lemma: 'hold talks',
      past: 'held talks with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      symmetric: true,
    },
  },
  {
    tokens: ['video', 'conference'],
    entry: {
      lemma: 'video conference',
      past: 'held a video conference with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      symmetric: true,
      noun: true,
    },
  },
  {
    tokens: ['military', 'action'],
    entry: {
      lemma: 'military action',
      past: 'attacked',
      role: 'relation',
      type: 'attack',
      preps: ['in', 'against', 'on'],
      noun: true,
    },
  },
  {
    tokens: ['military', 'operation'],
    entry: {
      lemma: 'military operation',
      past: 'attacked',
      role: 'relation',
      type: 'attack',
      preps: ['in', 'against', 'on'],
      noun: true,
    },
  },
  {
    tokens: ['in', 'support', 'of'],
    entry: { lemma: 'support', past: 'supported', role: 'relation', type: 'support' },
  },
  // "vocal in favour of X", "in solidarity with X": support phrased as a prepositional phrase.
  ...['favour', 'favor'].map((f) => ({
    tokens: ['in', f, 'of'],
    entry: { lemma: 'support', past: 'supported', role: 'relation' as const, type: 'support' as const },
  })),
  {
    tokens: ['in', 'solidarity', 'with'],
    entry: { lemma: 'support', past: 'supported', role: 'relation', type: 'support' },
  },
  // "we stand united with X": an alliance, with no direction.
  ...['stand', 'stands', 'stood', 'standing'].map((f) => ({
    tokens: [f, 'united', 'with'],
    entry: {
      lemma: 'stand united with',
      past: 'stood united with',
      role: 'relation' as const,
      type: 'cooperate' as const,
      symmetric: true,
    },
  })),
  {
    tokens: ['stance', 'against'],
    entry: { lemma: 'stance against', past: 'took a stance against', role: 'relation', type: 'criticize', noun: true },
  },
  {
    tokens: ['stand', 'against'],
    entry: { lemma: 'stance against', past: 'took a stand against', role: 'relation', type: 'criticize', noun: true },
  },
  {
    tokens: ['exchanged', 'views'],
    entry: {
      lemma: 'exchange views',
      past: 'exchanged views with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      symmetric: true,
    },
  },
  {
    tokens: ['shared', 'his', 'views'],
    entry: {
      lemma: 'share views',
      past: 'shared views with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      needsPrep: true,
    },
  },
  {
    tokens: ['shared', 'her', 'views'],
    entry: {
      lemma: 'share views',
      past: 'shared views with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      needsPrep: true,
    },
  },
  {
    tokens: ['shared', 'their', 'views'],
    entry: {
      lemma: 'share views',
      past: 'shared views with',
      role: 'relation',
      type: 'consult',
      preps: ['with'],
      needsPrep: true,
    },
  },
];

const split = (s: string | undefined): string[] => (s ? s.split(',') : []);

function buildSingle(): Map<string, CueEntry[]> {
  const map = new Map<string, CueEntry[]>();
  const put = (form: string, entry: CueEntry): void => {
    const list = map.get(form);
    if (list) list.push(entry);
    else map.set(form, [entry]);
  };
  for (const v of VERBS) {
    const entry: CueEntry = {
      lemma: v.lemma,
      past: v.past,
      role: v.role ?? 'relation',
      ...(v.type ? { type: v.type } : {}),
      ...(v.preps ? { preps: split(v.preps) } : {}),
      ...(v.symmetric ? { symmetric: true } : {}),
      ...(v.needsPrep ? { needsPrep: true } : {}),
      ...(v.notBefore ? { notBefore: split(v.notBefore) } : {}),
    };
    for (const f of split(v.forms)) put(f, entry);
  }
  for (const n of NOUNS) {
    const entry: CueEntry = {
      lemma: n.lemma,
      past: n.past,
      role: 'relation',
      type: n.type,
      noun: true,
      ...(n.preps ? { preps: split(n.preps) } : {}),
      ...(n.symmetric ? { symmetric: true } : {}),
      ...(n.needsPrep ? { needsPrep: true } : {}),
      ...(n.copular ? { copular: true } : {}),
    };
    for (const f of split(n.forms)) put(f, entry);
  }
  return map;
}

/** Single-token cues by lower-case form; a form may be both a verb and a noun ("visit", "call"). */
export const SINGLE_CUES: ReadonlyMap<string, readonly CueEntry[]> = buildSingle();

/** Multi-word cues by their first lower-case token, longest first. */
export const PHRASE_CUES: ReadonlyMap<string, readonly PhraseSpec[]> = (() => {
  const map = new Map<string, PhraseSpec[]>();
  for (const p of PHRASES) {
    const key = p.tokens[0]!;
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

/** Words that negate a following predicate in the same clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  "n't",
  'never',
  'nor',
  'neither',
  'cannot',
  "can't",
  'refused',
  'refuses',
  'declined',
  'declines',
  'denied',
  'denies',
  'no',
  'without',
]);

/** Words that make a following predicate hypothetical (it did not happen). */
export const MODALS: ReadonlySet<string> = new Set([
  'might',
  'may',
  'could',
  'would',
  'should',
  'if',
  'whether',
  'unless',
  'perhaps',
  'maybe',
  'possibly',
]);

/** Adverbial subordinators: a predicate in their clause is background, not the sentence's main event. */
export const SUBORDINATORS: ReadonlySet<string> = new Set([
  'before',
  'after',
  'when',
  'while',
  'since',
  'because',
  'although',
  'though',
  'unless',
  'whereas',
  'until',
  'once',
]);

/** Subject pronouns that stand between an actor and a verb and that we do not resolve. */
export const BLOCKING_PRONOUNS: ReadonlySet<string> = new Set(['i', 'we', 'it', 'they', 'this', 'these', 'you']);

/** Forms of "be" before a participle make a passive. */
export const BE_FORMS: ReadonlySet<string> = new Set(['be', 'been', 'being', 'is', 'was', 'were', 'are']);

/** Prepositions (an object after one of these is not a direct object). */
/** Heads of a noun phrase that stands for its country or organisation: "the government and people of Japan". */
export const GOVERNMENT_HEADS: ReadonlySet<string> = new Set(
  'government,governments,people,peoples,leaders,leadership,authorities,citizens,nation,embassy,army,forces,troops,parliament,president,king,officials,ministry,delegation,actions,action,policies,policy,conduct,behaviour,behavior'.split(
    ',',
  ),
);

export const PREPOSITIONS: ReadonlySet<string> = new Set(
  'of,in,on,at,under,outside,into,from,for,with,by,about,against,among,between,during,through,over,after,before,within,without,across,toward,towards,to,amid,despite,like,than,via,per'.split(
    ',',
  ),
);

/** Words that close a clause for negation and modality scope. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'but',
  'that',
  'which',
  'who',
  'while',
  'although',
  'because',
  'since',
  'when',
  'and',
]);

/** Third-person personal pronouns resolved to the last salient person. */
export const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'his', 'her', 'hers']);

/** Words that may sit between a country/organisation and the person it qualifies ("Japanese counterpart X"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'prime,minister,deputy,president,vice,foreign,defence,defense,secretary,state,counsellor,counselor,chairman,' +
    'chairwoman,chair,chief,head,leader,premier,king,queen,prince,ambassador,envoy,counterpart,spokesman,spokeswoman,' +
    'spokesperson,general,director,governor,senator,official,co-founder,founder,ceo,executive,commander,army,' +
    'navy,first,lady,former,acting,top,diplomat,senior,representative,permanent,special,adviser,advisor,' +
    'mayor,the,of,and,interior,finance,economy,trade,health,education,affairs,international,cooperation,' +
    'national,security,analyst,researcher,professor,fellow,research,member,pm,fm,mp,dr,mr,mrs,ms,gen,lt,col'
  ).split(','),
);

/** Lower-case words introducing an organisation a person belongs to after an apposition ("X, co-founder of Y"). */
export const AFFILIATION_PREPS: ReadonlySet<string> = new Set(['of', 'at', 'for', 'with', 'from']);
