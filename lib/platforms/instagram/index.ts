export { instagram } from './reader';
export { instagramPage } from './page';
