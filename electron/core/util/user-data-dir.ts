// Electron's app.getPath('userData') for an app named LawDesk, computed without Electron, so that
// core code (the library's default place, the OCR model cache) finds the same folder from the CLI,
// the browser face and the app. Kept apart from open-library.ts so that an OCR thread can ask for
// it without loading the library.

import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultUserDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA || join(home, 'AppData', 'Roaming'), 'LawDesk');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'LawDesk');
  return join(process.env.XDG_CONFIG_HOME || join(home, '.config'), 'LawDesk');
}
