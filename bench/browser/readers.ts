/**
 * Bundled by the bench (esbuild, IIFE) and evaluated in a saved page served in Chromium: the product's readers,
 * exposed on `globalThis.__scoutReaders` so the bench can time `reader.read(document, url)` in the browser. Not
 * part of the extension.
 */
import { READERS } from '../../lib/platforms';

(globalThis as { __scoutReaders?: typeof READERS }).__scoutReaders = READERS;
