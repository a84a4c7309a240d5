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
      'You are signing in to an app through {{brand}}. When your phone has approved, you are sent back to it.',
    phoneLabel: 'Phone number',
    numberHint: 'International format with a leading +, e.g. +447400123456. No password, no SMS.',
    continue: 'Continue',
    needsScript: 'This page needs JavaScript to sign you in. Turn it on, then reload the page.',
    approvePrompt: 'Approve the sign-in on your phone and pick this number:',
    sandboxLogin: 'Login',
    sandboxLoginHint: '(what a phone approves; try it from another phone to see it refused)',
    startAgain: 'Start again',
    cancel: 'Cancel and go back to the app',
    contactSupport: 'Contact {{brand}} support',
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
      DENIED_detail: 'The request was denied on the phone. If that was a mistake, try again.',
      MATCH_FAILED: 'Wrong number',
      MATCH_FAILED_detail:
        'The phone that approved holds the SIM of another number. Check the number you entered and use the one of that phone.',
      EXPIRED: 'Request expired',
      EXPIRED_detail:
        'Your phone did not answer in time. Try again, and approve on your phone before the time runs out.',
      PROVIDER_ERROR: 'SIM check unavailable',
      PROVIDER_ERROR_detail:
        'The mobile network could not check your SIM just now. Try again in a moment.',
      SIM_SWAP_DETECTED: 'SIM changed recently',
      SIM_SWAP_DETECTED_detail:
        'The SIM card of this number was changed recently, so it cannot sign you in for now. If you did not change it, tell your mobile operator at once.',
    },
    returning: {
      MATCH_SUCCESS: 'Signed in — returning to the app…',
      DENIED: 'Sign-in denied — returning to the app…',
    },
    /** The one next step an outcome offers (its button). */
    next: {
      retry: 'Try again',
      otherNumber: 'Use another number',
      startAgain: 'Start again',
    },
    /** What a refused request means for the person (by the problem's type, never its field). */
    trouble: {
      title: 'This sign-in cannot continue',
      tooManySeconds_one: 'Too many attempts. Try again in {{count}} second.',
      tooManySeconds_other: 'Too many attempts. Try again in {{count}} seconds.',
      tooManyMinutes_one: 'Too many attempts. Try again in {{count}} minute.',
      tooManyMinutes_other: 'Too many attempts. Try again in {{count}} minutes.',
      unavailable: 'The service is not available just now. Try again in a moment.',
      gone: 'This sign-in has ended. Start again.',
      goneApp: 'This sign-in request has expired. Go back to the app and sign in again.',
      failed: 'Something went wrong. Try again.',
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
  /**
   * The OpenID Provider's own pages: an error that cannot go back to the app, logout, and the
   * page that posts the answer back to the app (response_mode=form_post).
   */
  oidc: {
    errorTitle: 'This sign-in cannot continue',
    errorNext: 'Go back to the app and try again.',
    logoutTitle: 'Sign out of {{brand}}?',
    logoutAsk: 'The app asks to end your {{brand}} session in this browser.',
    logoutYes: 'Yes, sign me out',
    logoutNo: 'No, stay signed in',
    signedOutTitle: 'Signed out',
    signedOutText: 'Your {{brand}} session in this browser has ended.',
    formPostTitle: 'Returning to the app…',
    formPostNoScript:
      'Your browser does not run scripts here: press the button to go back to the app.',
    formPostContinue: 'Continue',
  },
  /** What the virtual phone's script says as it runs (its outcomes, its HTTP log's notes). */
  phoneScript: {
    registrationFailed: 'Registration failed ({{status}}).',
    registered: 'Registered as {{sim}}. Waiting for sign-in requests…',
    approved: 'Approved — you are signed in on the website.',
    wrongNumber: 'Wrong number — the sign-in was denied.',
    simSwap: 'Refused: the SIM behind this number changed recently.',
    notSignedIn: 'Not signed in ({{status}}).',
    denied: 'Denied.',
    registerFirst: 'Register this phone first.',
    unexpected: 'Unexpected: {{status}}',
    refused: 'Refused: {{status}} {{title}}',
    forgotten: 'Forgotten: this phone is no longer registered.',
    anyNumber: 'Any number: its own checks match.',
    noAnswer: 'no answer',
    asSim: '(as SIM {{sim}})',
    messages_one: '{{count}} message',
    messages_other: '{{count}} messages',
    /** What each of the sandbox's test numbers does (libs/sandbox's TEST_NUMBERS, by key). */
    effect: {
      ordinary: 'an ordinary phone: its own checks match',
      attacker: 'another ordinary phone (play the attacker with it)',
      unsupported: 'network not supported by PhoneCheck (422)',
      createError: 'provider error when the check is created (503)',
      exchangeUnavailable: 'provider unavailable at the code exchange (503, retry)',
      slow: 'slow provider (times out: 503)',
    },
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
