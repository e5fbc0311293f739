/**
 * Extraction of one document: cleaning, then extractors (dates, actors, events, relations) and refiners.
 * Pure: a document record in, its annotations out.
 */
import type { Actor, DatasetEvent, DocumentRecord, Mention, Relation, Timex } from '../../src/model/schema';
import { extractActors } from './actors';
import { findFurniture, headlineTitle } from './clean';
import { extractTimexes, findDateline } from './dates';
import { buildEvents } from './events';
import { analyseDocument } from './relations-analysis';
import { buildRelations } from './relations';
import { splitSentences } from './sentences';

export interface DocumentExtraction {
  /** The document with what extraction learned about it (title from a headline, dateline date, furniture). */
  document: DocumentRecord;
  /** Actors mentioned in this document; ids are global (the merge step unions them across documents). */
  actors: Actor[];
  mentions: Mention[];
  timexes: Timex[];
  events: DatasetEvent[];
  relations: Relation[];
}

export const NO_DATE_WARNING = 'no publication date: relative dates are left unresolved';

/** Extracts the annotations of one document. */
export function extractDocument(doc: DocumentRecord): DocumentExtraction {
  const text = doc.text;
  const furniture = findFurniture(text);
  const document: DocumentRecord = { ...doc, title: doc.title || headlineTitle(text) || doc.file, furniture };
  let published = doc.published;
  if (published === null) {
    const dateline = findDateline(text);
    if (dateline) {
      published = dateline.published;
      document.published = published;
      document.publishedFrom = 'dateline';
    } else {
      document.publishedFrom = 'none';
      document.warnings = [...(doc.warnings ?? []), NO_DATE_WARNING];
    }
  }
  const skip = furniture.map((f) => ({ start: f.start, end: f.end }));
  const sentences = splitSentences(text, skip);
  const found = extractTimexes(text, { published, skip });
  const timexes: Timex[] = found.map((t) => ({
    docId: doc.id,
    start: t.start,
    end: t.end,
    text: t.text,
    type: t.type,
    value: t.value,
  }));
  const { actors, mentions: foundMentions } = extractActors(text, sentences);
  const mentions: Mention[] = foundMentions.map((m) => ({
    actorId: m.actorId,
    docId: doc.id,
    start: m.start,
    end: m.end,
  }));
  const analyses = analyseDocument(text, sentences, foundMentions, actors);
  const { events, bySentence } = buildEvents(doc.id, text, analyses, found, actors, published);
  const relations = buildRelations(doc.id, analyses, bySentence);
  return { document, actors, mentions, timexes, events, relations };
}
