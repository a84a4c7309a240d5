import type { Catalog } from './catalog';

export const de: Catalog = {
  html: {
    title: 'Anmelden',
    heading: 'Mit Ihrem Telefon anmelden',
    headingClient: 'Bei {{client}} anmelden',
    clientNoteNamed:
      'Sie melden sich mit Ihrem Telefon bei {{client}} an. Sobald Ihr Telefon zugestimmt hat, kehren Sie dorthin zurück.',
    help: 'Hilfe',
    privacy: 'Datenschutz',
    clientNote:
      'Sie melden sich über simauth bei einer App an. Sobald Ihr Telefon zugestimmt hat, kehren Sie zu ihr zurück.',
    phoneLabel: 'Telefonnummer',
    numberHint:
      'Internationales Format mit führendem +, z. B. +447400123456. Kein Passwort, keine SMS.',
    continue: 'Weiter',
    approvePrompt: 'Bestätigen Sie die Anmeldung auf Ihrem Telefon und wählen Sie diese Zahl:',
    sandboxLogin: 'Anmeldung',
    sandboxLoginHint:
      '(die ein Telefon bestätigt; versuchen Sie es mit einem anderen Telefon, um die Ablehnung zu sehen)',
    startAgain: 'Neu beginnen',
    cancel: 'Abbrechen und zur App zurückkehren',
  },
  script: {
    matchSaid: 'Wählen Sie {{number}} auf Ihrem Telefon, um die Anmeldung zu bestätigen.',
    numberHintRegion:
      'Eine Nummer aus {{country}} oder jede Nummer mit + und Ländervorwahl. Kein Passwort, keine SMS.',
    refused: {
      NOT_A_NUMBER:
        'Geben Sie die Nummer im internationalen Format mit führendem + ein, z. B. +447400123456.',
      NOT_A_NUMBER_region:
        'Geben Sie Ihre Telefonnummer ein, oder eine aus einem anderen Land mit + und Ländervorwahl.',
      INVALID_COUNTRY:
        'Kein Land hat die Vorwahl, mit der diese Nummer beginnt. Prüfen Sie die Ziffern nach dem +.',
      TOO_SHORT:
        'Diese Nummer ist zu kurz für ihr Land{{country}}. Prüfen Sie, ob eine Ziffer fehlt.',
      TOO_LONG:
        'Diese Nummer ist zu lang für ihr Land{{country}}. Prüfen Sie, ob eine Ziffer zu viel ist.',
      INVALID_LENGTH: 'Diese Nummer hat für ihr Land{{country}} die falsche Anzahl an Ziffern.',
      INVALID_NUMBER:
        'Kein Telefon kann diese Nummer haben: ihr Land{{country}} vergibt sie nicht. Prüfen Sie sie und versuchen Sie es erneut.',
    },
    status: {
      PENDING: 'Warten auf Ihr Telefon…',
      APPROVED: 'Auf dem Telefon bestätigt — die SIM wird geprüft…',
      MATCH_PENDING: 'Die SIM wird beim Mobilfunknetz geprüft…',
    },
    final: {
      MATCH_SUCCESS: 'Angemeldet',
      MATCH_SUCCESS_detail: 'Ihr Telefon hat bewiesen, dass es die SIM dieser Nummer enthält.',
      DENIED: 'Anmeldung abgelehnt',
      DENIED_detail: 'Die Anfrage wurde auf dem Telefon abgelehnt.',
      MATCH_FAILED: 'Keine Übereinstimmung',
      MATCH_FAILED_detail: 'Die SIM im bestätigenden Telefon gehört nicht zu dieser Nummer.',
      EXPIRED: 'Anfrage abgelaufen',
      EXPIRED_detail: 'Das Telefon hat nicht rechtzeitig geantwortet. Beginnen Sie neu.',
      PROVIDER_ERROR: 'Prüfung fehlgeschlagen',
      PROVIDER_ERROR_detail: 'Die SIM-Prüfung konnte nicht abgeschlossen werden. Beginnen Sie neu.',
      SIM_SWAP_DETECTED: 'SIM kürzlich gewechselt',
      SIM_SWAP_DETECTED_detail:
        'Die SIM dieser Nummer wurde kürzlich gewechselt, daher ist eine Anmeldung jetzt nicht möglich. Wenden Sie sich an den Support, wenn Sie das nicht waren.',
    },
    returning: {
      MATCH_SUCCESS: 'Angemeldet — zurück zur App…',
      DENIED: 'Anmeldung abgelehnt — zurück zur App…',
    },
    countdown_one: 'läuft in {{count}} Sekunde ab',
    countdown_other: 'läuft in {{count}} Sekunden ab',
    expiring: 'läuft ab…',
    connectionLost: 'Verbindung unterbrochen — neuer Versuch…',
    unreachable: 'Der Server ist nicht erreichbar. Versuchen Sie es erneut.',
  },
  /** The login request's notification, in the phone's language (the push's title and body). */
  push: {
    title: 'Anmeldeanfrage',
    body: 'Jemand meldet sich mit Ihrer Nummer an. Bestätigen Sie nur, wenn Sie es sind.',
    bodyClient:
      'Jemand meldet sich mit Ihrer Nummer bei {{client}} an. Bestätigen Sie nur, wenn Sie es sind.',
  },
  /** The OpenID Provider's own pages: an error that cannot go back to the app, and logout. */
  oidc: {
    errorTitle: 'Diese Anmeldung kann nicht fortgesetzt werden',
    errorNext: 'Kehren Sie zur App zurück und versuchen Sie es erneut.',
    logoutTitle: 'Von simauth abmelden?',
    logoutAsk: 'Die App möchte Ihre simauth-Sitzung in diesem Browser beenden.',
    logoutYes: 'Ja, abmelden',
    logoutNo: 'Nein, angemeldet bleiben',
    signedOutTitle: 'Abgemeldet',
    signedOutText: 'Ihre simauth-Sitzung in diesem Browser ist beendet.',
  },
  /** The sandbox's virtual phone: its page's fixed texts. */
  phone: {
    title: 'Virtuelles Telefon — simauth-Sandbox',
    heading: 'Virtuelles Telefon',
    sandbox: 'Sandbox',
    sim: 'SIM in diesem Telefon',
    register: 'Dieses Telefon registrieren',
    forget: 'Dieses Telefon vergessen',
    requestTitle: 'Anmeldeanfrage',
    requestText:
      'Jemand meldet sich mit Ihrer Nummer an. Wählen Sie die Zahl, die die Website zeigt:',
    deny: 'Ablehnen — das bin nicht ich',
    factorCode: 'Authenticator-Code',
    factorHint:
      'Die SIM hinter dieser Nummer wurde kürzlich gewechselt: Zum Bestätigen ist der Code Ihrer Authenticator-App nötig.',
    sendCode: 'Code senden',
    sms: 'Textnachrichten (SMS) an diese SIM',
    attack: 'Die Anmeldung eines anderen bestätigen (Angriffstest)',
    attackPlaceholder: 'Anmelde-ID',
    attackButton: 'Bestätigung versuchen',
    log: 'Was dieses Telefon sendet',
    logLabel: 'HTTP-Protokoll',
  },
};
