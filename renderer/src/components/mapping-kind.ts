// How the diff view and 历次版本 show a kind of change of an article: the one label (shared with the
// CLI) in a tag of the kind's colour.

import { MAPPING_KIND_LABELS } from '../../../electron/shared/api-contract';

const COLOR: Record<keyof typeof MAPPING_KIND_LABELS, string> = {
  same: 'default',
  renumbered: 'gold',
  amended: 'orange',
  split: 'purple',
  merged: 'purple',
  deleted: 'red',
  added: 'green',
  first: 'default',
};

export const KIND_TEXT: Record<string, { text: string; color: string }> = Object.fromEntries(
  Object.entries(MAPPING_KIND_LABELS).map(([kind, text]) => [kind, { text, color: COLOR[kind as keyof typeof COLOR] }]),
);
