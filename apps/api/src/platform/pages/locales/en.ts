import type { Catalog } from './catalog';

/** English: the reference catalog; every other language has each of its keys (a test checks). */
export const en: Catalog = {
  html: {
    title: 'Sign in',
    heading: 'Sign in with your phone',
    headingClient: 'Sign in to {{client}}',
    clientNoteNamed:
      'You are signing in to {{client}} with your phone. When your phone has approved, you are sent back to it.',
    help: 'Help',
    privacy: 'Privacy',
    clientNote:
      'You are signing in to an app through simauth. When your phone has approved, you are sent back to it.',
    phoneLabel: 'Phone number',
    numberHint: 'International format with a leading +, e.g. +447400123456. No password, no SMS.',
    continue: 'Continue',
    approvePrompt: 'Approve the sign-in on your phone and pick this number:',
    sandboxLogin: 'Login',
    sandboxLoginHint: '(what a phone approves; try it from another phone to see it refused)',
    startAgain: 'Start again',
    cancel: 'Cancel and go back to the app',
  },
  script: {
    matchSaid: 'Pick {{number}} on your phone to approve the sign-in.',
    numberHintRegion:
      'A number from {{country}}, or any number with + and its country code. No password, no SMS.',
    refused: {
      NOT_A_NUMBER:
        'Enter the number in international format with a leading +, e.g. +447400123456.',
      NOT_A_NUMBER_region:
        'Enter your phone number, or one from another country with + and its country code.',
      INVALID_COUNTRY:
        'No country has the calling code this number starts with. Check the digits after the +.',
      TOO_SHORT:
        'This number is too short for its country{{country}}. Check that no digit is missing.',
      TOO_LONG: 'This number is too long for its country{{country}}. Check for an extra digit.',
      INVALID_LENGTH: 'This number has the wrong number of digits for its country{{country}}.',
      INVALID_NUMBER:
        'No phone can have this number: its country{{country}} does not use it. Check it and try again.',
    },
    status: {
      PENDING: 'Waiting for your phone…',
      APPROVED: 'Approved on the phone — checking the SIM…',
      MATCH_PENDING: 'Checking the SIM with the mobile network…',
    },
    final: {
      MATCH_SUCCESS: 'Signed in',
      MATCH_SUCCESS_detail: 'Your phone proved it holds the SIM of this number.',
      DENIED: 'Sign-in denied',
      DENIED_detail: 'The request was denied on the phone.',
      MATCH_FAILED: 'No match',
      MATCH_FAILED_detail: 'The SIM in the phone that approved does not hold this number.',
      EXPIRED: 'Request expired',
      EXPIRED_detail: 'The phone did not finish in time. Start again.',
      PROVIDER_ERROR: 'Check failed',
      PROVIDER_ERROR_detail: 'The SIM check could not be completed. Start again.',
      SIM_SWAP_DETECTED: 'SIM changed recently',
      SIM_SWAP_DETECTED_detail:
        'The SIM behind this number changed recently, so it cannot sign you in now. Contact support if this was not you.',
    },
    returning: {
      MATCH_SUCCESS: 'Signed in — returning to the app…',
      DENIED: 'Sign-in denied — returning to the app…',
    },
    countdown_one: 'expires in {{count}} second',
    countdown_other: 'expires in {{count}} seconds',
    expiring: 'expiring…',
    connectionLost: 'Connection lost — reconnecting…',
    unreachable: 'The server cannot be reached. Try again.',
  },
  /** The login request's notification, in the phone's language (the push's title and body). */
  push: {
    title: 'Sign-in request',
    body: 'Someone is signing in with your number. Approve only if it is you.',
    bodyClient: 'Someone is signing in to {{client}} with your number. Approve only if it is you.',
  },
  /** The OpenID Provider's own pages: an error that cannot go back to the app, and logout. */
  oidc: {
    errorTitle: 'This sign-in cannot continue',
    errorNext: 'Go back to the app and try again.',
    logoutTitle: 'Sign out of simauth?',
    logoutAsk: 'The app asks to end your simauth session in this browser.',
    logoutYes: 'Yes, sign me out',
    logoutNo: 'No, stay signed in',
    signedOutTitle: 'Signed out',
    signedOutText: 'Your simauth session in this browser has ended.',
  },
  /** The sandbox's virtual phone: its page's fixed texts. */
  phone: {
    title: 'Virtual phone — simauth sandbox',
    heading: 'Virtual phone',
    sandbox: 'sandbox',
    sim: 'SIM in this phone',
    register: 'Register this phone',
    forget: 'Forget this phone',
    requestTitle: 'Sign-in request',
    requestText: 'Someone is signing in with your number. Pick the number the website shows:',
    deny: 'Deny — it’s not me',
    factorCode: 'Authenticator code',
    factorHint:
      'The SIM behind this number changed recently: approving needs the code your authenticator app shows.',
    sendCode: 'Send the code',
    sms: 'Text messages (SMS) to this SIM',
    attack: 'Approve someone else’s login (attacker test)',
    attackPlaceholder: 'login id',
    attackButton: 'Try to approve it',
    log: 'What this phone sends',
    logLabel: 'HTTP log',
  },
};
