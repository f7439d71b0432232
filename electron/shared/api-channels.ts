// The channel and event names of the API contract, without zod: for the preload, which must stay
// small and dependency-free. test/node/app/api-contract.test.ts checks these match the contract.

export const CHANNEL_NAMES = [
  'library:info',
  'laws:list',
  'law:get',
  'version:get',
  'law:setFavorite',
  'search:query',
  'search:quickOpen',
  'search:indexStats',
  'search:reindex',
  'import:preview',
  'import:pickAndPreview',
  'import:commit',
  'import:discard',
  'settings:get',
  'settings:set',
  'shell:openExternal',
  'versions:diff',
  'versions:article',
  'versions:asOf',
  'version:setStatus',
  'reviews:list',
  'reviews:get',
  'reviews:create',
  'reviews:update',
  'reviews:attach',
  'records:attachment',
  'records:history',
  'records:detect',
  'records:dueDate',
  'records:citedBy',
  'records:counts',
  'records:affected',
  'records:stats',
  'lectures:list',
  'lectures:get',
  'lectures:create',
  'lectures:update',
  'plans:list',
  'plans:create',
  'plans:update',
  'packs:list',
  'packs:get',
  'packs:create',
  'packs:save',
  'packs:remove',
  'packs:addItems',
  'packs:reorder',
  'packs:export',
  'files:get',
  'shell:showFile',
  'bundles:export',
  'bundles:preview',
  'bundles:pickAndPreview',
  'bundles:import',
  'bundles:discard',
  'backups:list',
  'backups:create',
  'backups:previewRestore',
  'backups:restore',
] as const;

export const EVENT_CHANNEL = 'lawdesk:event';
export const EVENT_NAME_LIST = ['import:progress', 'index:progress', 'task:progress', 'library:changed', 'app:command'] as const;

/** library:info → libraryInfo, search:quickOpen → searchQuickOpen. */
export function methodName(channel: string): string {
  const [domain, verb = ''] = channel.split(':');
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}
