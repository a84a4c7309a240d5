/** tru.ID wire formats; they never leave the adapters. */
export interface TruIdTokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

export interface TruIdPhoneCheck {
  check_id: string;
  status: 'ACCEPTED' | 'PENDING' | 'COMPLETED' | 'EXPIRED' | 'ERROR';
  match?: boolean;
  ttl?: number;
  error_code?: string;
  _links?: { self?: { href: string }; check_url?: { href: string } };
}

export interface TruIdDeviceReachability {
  network_name?: string;
  products?: { product_id: string; product_name: string }[];
}

export type TruIdScope =
  'phone_check' | 'coverage' | 'sim_check' | 'subscriber_check' | 'authenticator';
