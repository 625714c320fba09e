export { youtube } from './reader';
export { youtubePage } from './page';
