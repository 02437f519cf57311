/**
 * The password policy as the server enforces it (at least 8 characters, letters and digits), checked as
 * the user types. The server stays the judge; these only spare a round trip.
 */
export type PasswordProblem = 'tooShort' | 'needLetter' | 'needDigit' | 'sameAsCurrent';

export function passwordProblems(password: string, current?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < 8) problems.push('tooShort');
  if (!/\p{L}/u.test(password)) problems.push('needLetter');
  if (!/\p{Nd}/u.test(password)) problems.push('needDigit');
  if (current !== undefined && current !== '' && password === current) problems.push('sameAsCurrent');
  return problems;
}
