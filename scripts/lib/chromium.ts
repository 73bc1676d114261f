// The system Chromium (Debian's `chromium`), found and started the same way by the browser tests and
// `npm run lighthouse`. The flags keep it from reaching for the network, which this machine does not have.
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** CHROMIUM_PATH, else the usual install locations; '' when there is none. */
export function findChromium(): string {
  return (
    [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
      (p) => p && existsSync(p),
    ) ?? ''
  );
}

export const HOW_TO_GET_CHROMIUM = 'Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.';
