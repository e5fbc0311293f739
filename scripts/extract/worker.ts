/** Worker thread entry: extracts the documents it is given and posts the results back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { DocumentRecord } from '../../src/model/schema';
import { extractDocument } from './document';

parentPort?.postMessage((workerData as DocumentRecord[]).map(extractDocument));
