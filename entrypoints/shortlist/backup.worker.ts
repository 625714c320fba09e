/**
 * The shortlist page's backups, off the page's thread: reading, checking, previewing and writing one, and making one
 * (see lib/store/backup-session.ts), answered through Comlink. Workers share the extension's origin, so this is the
 * same database the page and the background use.
 */
import { expose } from 'comlink';
import { backupSession } from '../../lib/store/backup-session';
import { openScoutDb } from '../../lib/store/db';
import { reopeningDb } from '../../lib/store/reopening-db';

expose(backupSession(reopeningDb(() => openScoutDb(indexedDB))));
