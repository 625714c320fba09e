export { x } from './reader';
export { xPage } from './page';
