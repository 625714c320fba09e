import { render } from 'preact';
import { openScoutDb, requestPersistence } from '../../lib/store/db';
import { ShortlistApp, openingReads } from '../../components/shortlist/ShortlistApp';
import { reopeningDb, shortlistData } from '../../components/shortlist/data';
import { downloadFile } from '../../components/shortlist/download';
import { drawWhenRead } from '../../components/shortlist/draw-when-read';
import '../../components/theme.css';
import '../../components/shortlist/shortlist.css';

// Extension pages share the extension's origin with the background worker, so this is the same database.
const openDb = reopeningDb(() => openScoutDb(indexedDB));
// A backup is read, checked and written, or made, in a worker of its own, whose code is fetched when a file is
// chosen or a backup asked for.
const data = shortlistData(openDb, Date.now, async () =>
  (await import('./worker-backup-session')).workerBackupSession(),
);
// The first rows are read from now on, while the browser shows the HTML's header.
const opening = openingReads(data);
// Its failure is reported by the page when it takes the result; this only keeps it from counting as unhandled.
opening.catch(() => undefined);
// A shortlist is worth keeping: ask the browser not to evict it under storage pressure (it may say no).
void requestPersistence(navigator.storage);

// Drawn once the first rows are read (see drawWhenRead): the HTML's own header says the page is loading until then.
drawWhenRead(
  opening,
  (opened) => {
    const app = document.getElementById('app')!;
    // The HTML's placeholder goes: Preact draws into an empty element rather than reusing foreign nodes.
    app.replaceChildren();
    render(
      <ShortlistApp
        data={data}
        opening={opening}
        opened={opened}
        now={Date.now}
        download={(name, contents, type) => downloadFile(document, name, contents, type)}
      />,
      app,
    );
  },
  400,
);
