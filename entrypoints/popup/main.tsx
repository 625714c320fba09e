// First: asks for the active tab (then its stored view) before Preact and the components are evaluated.
import { opening, requests } from './requests';
import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import '../../components/theme.css';
import '../../components/popup.css';

render(<PopupApp opening={opening} requests={requests} />, document.getElementById('app')!);
