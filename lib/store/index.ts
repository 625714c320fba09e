/**
 * The shortlist store: IndexedDB schema and migrations, the repository operations, CSV export and profile-list
 * import, and the JSON backup. Use it from the background worker or extension pages (the extension's origin),
 * never from a content script.
 */
export * from './schema';
export * from './errors';
export { openScoutDb, requestPersistence, type ScoutDb, type PersistenceResult } from './db';
export * from './repo';
export { followerHistoryOf, mergeVisits, visitCount, visitOf, visitsBeside, withVisit } from './visits';
export * from './csv';
export * from './backup';
export { parseProfileInput, profileUrlFor, isValidHandle, type ProfileRef, type ProfileParse } from './profile-url';
