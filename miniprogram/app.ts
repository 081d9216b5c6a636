// App entry: connect to the cloud environment and take over the privacy prompt.
import { initCloud } from './services/api';
import { installPrivacyHandler } from './services/privacy';

App({
  onLaunch(): void {
    initCloud();
    installPrivacyHandler();
  },
});
