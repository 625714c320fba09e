export { tiktok } from './reader';
export { tiktokPage } from './page';
