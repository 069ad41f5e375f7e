import { useQuery } from '@tanstack/react-query';
import { catalogueQuery } from '../../api/queries';
import { catalogueView, emptyCatalogue, type CatalogueView } from './queueModel';

/** The user's county catalogue: categories and which category each item code belongs to (none above county level). */
export function useCatalogue(): CatalogueView {
  return useQuery({ ...catalogueQuery(), select: catalogueView }).data ?? emptyCatalogue;
}
