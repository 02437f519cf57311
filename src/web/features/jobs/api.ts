import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../contracts/admin.ts';
import { api } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

/** The user's latest jobs; refreshed every two seconds while one of them is still queued or running. */
export function useMyJobs() {
  return useQuery<Job[], ApiError>({
    queryKey: ['jobs', 'mine'],
    queryFn: ({ signal }) => api.get<Job[]>('/jobs', { signal }),
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false,
  });
}
