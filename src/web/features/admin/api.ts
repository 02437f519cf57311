import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AuditPage,
  AuditVerification,
  CreatedUser,
  CreateOrganizationBody,
  CreateUserBody,
  Organization,
  UpdateOrganizationBody,
  UpdateUserBody,
  User,
  UserPage,
} from '../../../contracts/admin.ts';
import { api, type Query } from '../../lib/api.ts';
import type { ApiError } from '../../lib/api-error.ts';

export type UserPageData = z.infer<typeof UserPage>;
export type AuditPageData = z.infer<typeof AuditPage>;
export type CreateOrganizationInput = z.input<typeof CreateOrganizationBody>;
export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationBody>;
export type CreateUserInput = z.input<typeof CreateUserBody>;

export function useUserPage(query: Query) {
  return useQuery<UserPageData, ApiError>({
    queryKey: ['admin', 'users', query],
    queryFn: ({ signal }) => api.get<UserPageData>('/users', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation<z.infer<typeof CreatedUser>, ApiError, CreateUserInput>({
    mutationFn: (body) => api.post('/users', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation<User, ApiError, { id: string; body: UpdateUserBody }>({
    mutationFn: (v) => api.patch<User>(`/users/${v.id}`, v.body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useResetPassword() {
  return useMutation<{ password: string }, ApiError, { id: string }>({
    mutationFn: (v) => api.post<{ password: string }>(`/users/${v.id}/reset-password`),
  });
}

export function useOrganizations(division: string) {
  return useQuery<Organization[], ApiError>({
    queryKey: ['admin', 'organizations', division],
    queryFn: ({ signal }) => api.get<Organization[]>('/organizations', { query: { division }, signal }),
    staleTime: 60_000,
  });
}

export function useSaveOrganization() {
  const client = useQueryClient();
  return useMutation<
    Organization,
    ApiError,
    { id: null; body: CreateOrganizationInput } | { id: string; body: UpdateOrganizationInput }
  >({
    mutationFn: (v) =>
      v.id === null
        ? api.post<Organization>('/organizations', v.body)
        : api.patch<Organization>(`/organizations/${v.id}`, v.body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin', 'organizations'] }),
  });
}

export function useAuditPage(query: Query) {
  return useQuery<AuditPageData, ApiError>({
    queryKey: ['admin', 'audit', query],
    queryFn: ({ signal }) => api.get<AuditPageData>('/audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditVerification() {
  return useQuery<AuditVerification, ApiError>({
    queryKey: ['admin', 'audit', 'verify'],
    queryFn: ({ signal }) => api.get<AuditVerification>('/audit/verify', { signal }),
    staleTime: 60_000,
  });
}
