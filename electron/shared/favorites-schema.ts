// 收藏: the laws a user has starred, kept in the library folder (favorites.json) so they travel
// with the library, its backups and its bundles. One shape for the file, the API and bundles.

import { z } from 'zod';

export const FAVORITES_SCHEMA_VERSION = 1;
export const MAX_FAVORITES = 10_000;

export const FavoriteSchema = z.strictObject({
  lawId: z.string().min(1).max(300),
  /** When it was starred (ISO time); the order of the list. */
  addedAt: z.string().max(40),
});
export type Favorite = z.infer<typeof FavoriteSchema>;

export const FavoritesFileSchema = z.strictObject({
  schemaVersion: z.number().int().min(1),
  laws: z.array(FavoriteSchema).max(MAX_FAVORITES),
  /**
   * Set once the favourites LawDesk used to keep in the app settings (outside the library) have
   * been moved here, so the move happens once even if the settings could not be emptied.
   */
  settingsMigrated: z.boolean().optional(),
});
export type FavoritesFile = z.infer<typeof FavoritesFileSchema>;
