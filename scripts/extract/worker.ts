/** Worker thread: announces it is ready, then extracts each batch of documents it is sent and posts the results. */
import { parentPort } from 'node:worker_threads';
import type { DocumentRecord } from '../../src/model/schema';
import { extractDocument, type DocumentExtraction } from './document';

/** A batch: documents `start ..` of the run. */
export interface WorkerRequest {
  start: number;
  docs: DocumentRecord[];
}

export type WorkerReply = { type: 'ready' } | { type: 'result'; start: number; results: DocumentExtraction[] };

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    const reply: WorkerReply = { type: 'result', start: request.start, results: request.docs.map(extractDocument) };
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply);
}
