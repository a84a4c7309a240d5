import { registerRootComponent } from 'expo';
import { installBackgroundHandler } from './src/platform/push';
import App from './src/App';

// Before the app renders: a push that arrives while the app is in the background or killed.
installBackgroundHandler();
registerRootComponent(App);
