/**
 * Extraction of one document: cleaning, then extractors (dates, actors, events, relations) and refiners.
 * Pure: a document record in, its annotations out.
 */
import type { Actor, DatasetEvent, DocumentRecord, Mention, Relation, Timex } from '../../src/model/schema';
import { headlineTitle } from './clean';

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

/** Extracts the annotations of one document. */
export function extractDocument(doc: DocumentRecord): DocumentExtraction {
  const document: DocumentRecord = { ...doc, title: doc.title || headlineTitle(doc.text) || doc.file };
  if (document.published === null) {
    document.warnings = ['no publication date: relative dates are left unresolved'];
  }
  return { document, actors: [], mentions: [], timexes: [], events: [], relations: [] };
}
