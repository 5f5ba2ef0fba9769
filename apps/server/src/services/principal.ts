/** Who is calling, resolved once per request from a session cookie or a personal access token. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  mustChangePassword: boolean;
  /** The organisation the caller acts in: the session's choice, else their first membership. */
  activeOrgId: string | null;
  via: { kind: 'session'; idHash: string; csrfToken: string } | { kind: 'token'; tokenId: string };
}
