// Stable identities. A law is its normalised title within a region; a version is the law plus
// its date (公布, else 施行), or a short content hash when the document states no date.
// Ids are short hashes so that titles with any characters stay safe in file names and URLs.

import { createHash } from 'node:crypto';
import { shortTitleOf } from '../../shared/law-model';

export function normaliseTitle(title: string): string {
  return shortTitleOf(title.replace(/[\s\u3000]+/g, ''))
    .replace(/[（(]\d{4}年?修[正订]?[）)]$/, '')
    .replace(/[（(](试行|暂行)[）)]$/, '$1');
}

export function lawIdFor(title: string, region: string): string {
  const key = `${region}|${normaliseTitle(title)}`;
  return 'L' + createHash('sha1').update(key).digest('hex').slice(0, 10);
}

export function versionIdFor(lawId: string, date: string | undefined, sourceSha256: string): string {
  return `${lawId}@${date || 'h' + sourceSha256.slice(0, 8)}`;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
