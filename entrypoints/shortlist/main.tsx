import { render } from 'preact';
import { openScoutDb, requestPersistence } from '../../lib/store';
import { ShortlistApp } from '../../components/shortlist/ShortlistApp';
import { reopeningDb, shortlistData } from '../../components/shortlist/data';
import { downloadText } from '../../components/shortlist/download';
import '../../components/theme.css';
import '../../components/shortlist/shortlist.css';

// Extension pages share the extension's origin with the background worker, so this is the same database.
const openDb = reopeningDb(() => openScoutDb(indexedDB));
const data = shortlistData(openDb, Date.now);
// A shortlist is worth keeping: ask the browser not to evict it under storage pressure (it may say no).
void requestPersistence(navigator.storage);

render(
  <ShortlistApp data={data} now={Date.now} download={(name, text, type) => downloadText(document, name, text, type)} />,
  document.getElementById('app')!,
);
