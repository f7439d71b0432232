// The office's own facts that documents need and records cannot know: the unit's name, its region
// (where its own 规范性文件 apply) and the legal adviser it retains. Kept in the library folder
// (office.json), so it travels with the library; the first office's values are example data only.

import { z } from 'zod';

const short = z.string().trim().max(200);

export const OfficeProfileSchema = z.strictObject({
  /** 高青县科学技术局 */
  unit: short.default(''),
  /** Region in the library's notation, province first: 山东·淄博·高青县. */
  region: short.default(''),
  adviser: z.strictObject({ name: short.min(1), org: short.optional() }).optional(),
});
export type OfficeProfile = z.infer<typeof OfficeProfileSchema>;

export const EMPTY_OFFICE: OfficeProfile = { unit: '', region: '' };
