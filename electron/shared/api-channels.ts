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
  'import:preview',
  'import:pickAndPreview',
  'import:commit',
  'import:discard',
  'settings:get',
  'settings:set',
  'shell:openExternal',
] as const;

export const EVENT_CHANNEL = 'lawdesk:event';
export const EVENT_NAME_LIST = ['import:progress', 'index:progress', 'library:changed', 'app:command'] as const;

/** library:info → libraryInfo, search:quickOpen → searchQuickOpen. */
export function methodName(channel: string): string {
  const [domain, verb = ''] = channel.split(':');
  return domain + verb.charAt(0).toUpperCase() + verb.slice(1);
}
