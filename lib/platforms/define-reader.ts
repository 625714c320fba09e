/** Builds a platform's reader from its collector, its capture schema and its interpretation. */
import * as v from 'valibot';
import { issueText, type Reading } from '../reading';
import type { PageCapture } from '../capture';
import type { Interpretation, PageCollector, PlatformReader } from './platform';
import { capturePage } from './capture-page';

/** The fields every reading of a capture shares. */
export type ReadingBase = Pick<Reading, 'platform' | 'url' | 'lang' | 'readAt'>;

export interface ReaderDefinition<S extends v.GenericSchema> {
  label: string;
  /** The capture's schema: the contract between the collector (page) and the reader (worker). */
  schema: S;
  /** Interprets a capture that passed the schema. May throw on a bug: the reading then says so. */
  interpret(data: v.InferOutput<S>, base: ReadingBase, url: URL): Reading;
}

export function defineReader<S extends v.GenericSchema>(
  collector: PageCollector<v.InferOutput<S>>,
  { label, schema, interpret }: ReaderDefinition<S>,
): PlatformReader<v.InferOutput<S>> {
  const reader: PlatformReader<v.InferOutput<S>> = {
    ...collector,
    label,
    interpret(capture: PageCapture): Interpretation {
      const base: ReadingBase = {
        platform: capture.platform,
        url: capture.url,
        lang: capture.lang,
        readAt: capture.readAt,
      };
      const other = (reason: string): Interpretation => ({
        ok: true,
        reading: { kind: 'other', ...base, reason: reason.slice(0, 300) },
      });
      if (capture.platform !== collector.platform) return { ok: false, problem: 'capture of another platform' };
      if (capture.problem !== undefined) return other(`Creator Scout could not read this page (${capture.problem})`);
      const data = v.safeParse(schema, capture.data);
      if (!data.success) return { ok: false, problem: issueText(data.issues[0]) };
      let url: URL;
      try {
        url = new URL(capture.url);
      } catch {
        return { ok: false, problem: 'url: not an address' };
      }
      try {
        return { ok: true, reading: interpret(data.output, base, url) };
      } catch (error) {
        return other(`Creator Scout could not read this page (${error instanceof Error ? error.message : 'error'})`);
      }
    },
    read(doc: Document, url: URL, now = Date.now()): Reading {
      const result = reader.interpret(capturePage(collector, doc, url, now));
      if (!result.ok) throw new Error(`${collector.platform} capture fails its own schema: ${result.problem}`);
      return result.reading;
    },
  };
  return reader;
}
