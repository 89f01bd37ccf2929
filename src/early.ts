// The page's early script (a second entry, loaded async beside the widget's; the server writes its
// tag into the page): the first screen's reads start while the widget's own chunk still downloads.
import { startEarlyReads } from './app/earlyReads';

const token = new URLSearchParams(window.location.search).get('session_token');
// the reads the start waits on; the entry starts the popular list's once its own bytes are in
if (token) startEarlyReads(window.location.search, token, { favorites: false });
