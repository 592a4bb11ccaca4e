/**
 * What a rule's reads need collected, from the view catalogue (rules/view-catalogue.ts): a read
 * path needs the sections of the longest declared field that is a prefix of it, or, when it
 * reads a whole object (`derived`, `Bucket`), those of every declared field under it. So a rule
 * selection turns into the smallest call plan.
 */
import type { SectionId } from '../collect/sections.js';
import type { ResourceType } from '../rules/types.js';
import { fieldOf, VIEWS, viewFields } from '../rules/view-catalogue.js';

export const baseSections = (resource: ResourceType): readonly SectionId[] => VIEWS[resource].base;

/** The sections one read path needs, or undefined when no view field declares it. */
export function sectionsForPath(resource: ResourceType, path: string): SectionId[] | undefined {
  const covering = fieldOf(resource, path);
  if (covering) return [...covering.sections];
  const read = path.replace(/\[\d+\]/g, '[]');
  const inside = viewFields(resource).filter((f) => f.path.startsWith(`${read}.`) || f.path.startsWith(`${read}[]`));
  return inside.length > 0 ? [...new Set(inside.flatMap((f) => f.sections))] : undefined;
}
