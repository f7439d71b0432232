// 设置 → 资料包 → 导入 in Electron: the native open dialog, then a preview of the chosen bundle.
// The renderer never sees the path, so a bundle the preview refuses comes back as a value naming
// the file (its base name, shown through the contract's `shownName`) with the reason, not as a bare
// error the renderer could only title 无法导入这个资料包.

import { basename } from 'node:path';
import { toErrorData, type ApiOutput } from '../shared/api-contract';

export interface BundlePickDeps {
  /** The open dialog: the chosen file's path, or undefined when the user cancelled. */
  pick(): Promise<string | undefined>;
  /** The service's preview of a bundle on disk (AppService.previewBundlePath). */
  preview(path: string): Promise<ApiOutput<'bundles:preview'>>;
}

export async function pickAndPreviewBundle(deps: BundlePickDeps): Promise<ApiOutput<'bundles:pickAndPreview'>> {
  const path = await deps.pick();
  if (!path) return { canceled: true };
  try {
    return await deps.preview(path);
  } catch (e) {
    // The refusal's own `file` (a damaged bundle's error names its path since session 30) stays in main: the name is enough.
    const { file: _path, ...error } = toErrorData(e);
    return { refused: { name: basename(path), error } };
  }
}
