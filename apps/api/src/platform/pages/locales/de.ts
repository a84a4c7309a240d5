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
      'Sie melden sich über {{brand}} bei einer App an. Sobald Ihr Telefon zugestimmt hat, kehren Sie zu ihr zurück.',
    phoneLabel: 'Telefonnummer',
    numberHint:
      'Internationales Format mit führendem +, z. B. +447400123456. Kein Passwort, keine SMS.',
    continue: 'Weiter',
    needsScript:
      'Diese Seite braucht JavaScript, um Sie anzumelden. Schalten Sie es ein und laden Sie die Seite neu.',
    approvePrompt: 'Bestätigen Sie die Anmeldung auf Ihrem Telefon und wählen Sie diese Zahl:',
    sandboxLogin: 'Anmeldung',
    sandboxLoginHint:
      '(die ein Telefon bestätigt; versuchen Sie es mit einem anderen Telefon, um die Ablehnung zu sehen)',
    startAgain: 'Neu beginnen',
    cancel: 'Abbrechen und zur App zurückkehren',
    contactSupport: 'Den Support von {{brand}} kontaktieren',
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
      DENIED_detail:
        'Die Anfrage wurde auf dem Telefon abgelehnt. Falls das ein Versehen war, versuchen Sie es erneut.',
      MATCH_FAILED: 'Falsche Nummer',
      MATCH_FAILED_detail:
        'Das bestätigende Telefon enthält die SIM einer anderen Nummer. Prüfen Sie die eingegebene Nummer und verwenden Sie die dieses Telefons.',
      EXPIRED: 'Anfrage abgelaufen',
      EXPIRED_detail:
        'Ihr Telefon hat nicht rechtzeitig geantwortet. Versuchen Sie es erneut und bestätigen Sie auf dem Telefon, bevor die Zeit abläuft.',
      PROVIDER_ERROR: 'SIM-Prüfung nicht möglich',
      PROVIDER_ERROR_detail:
        'Das Mobilfunknetz konnte Ihre SIM gerade nicht prüfen. Versuchen Sie es gleich noch einmal.',
      SIM_SWAP_DETECTED: 'SIM kürzlich gewechselt',
      SIM_SWAP_DETECTED_detail:
        'Die SIM-Karte dieser Nummer wurde kürzlich gewechselt, daher ist eine Anmeldung damit vorerst nicht möglich. Wenn Sie sie nicht gewechselt haben, informieren Sie sofort Ihren Mobilfunkanbieter.',
    },
    returning: {
      MATCH_SUCCESS: 'Angemeldet — zurück zur App…',
      DENIED: 'Anmeldung abgelehnt — zurück zur App…',
    },
    /** The one next step an outcome offers (its button). */
    next: {
      retry: 'Erneut versuchen',
      otherNumber: 'Andere Nummer verwenden',
      startAgain: 'Neu beginnen',
    },
    /** What a refused request means for the person (by the problem's type, never its field). */
    trouble: {
      title: 'Diese Anmeldung kann nicht fortgesetzt werden',
      tooManySeconds_one: 'Zu viele Versuche. Versuchen Sie es in {{count}} Sekunde erneut.',
      tooManySeconds_other: 'Zu viele Versuche. Versuchen Sie es in {{count}} Sekunden erneut.',
      tooManyMinutes_one: 'Zu viele Versuche. Versuchen Sie es in {{count}} Minute erneut.',
      tooManyMinutes_other: 'Zu viele Versuche. Versuchen Sie es in {{count}} Minuten erneut.',
      unavailable: 'Der Dienst ist gerade nicht verfügbar. Versuchen Sie es gleich noch einmal.',
      gone: 'Diese Anmeldung ist beendet. Beginnen Sie neu.',
      goneApp:
        'Diese Anmeldeanfrage ist abgelaufen. Kehren Sie zur App zurück und melden Sie sich erneut an.',
      failed: 'Etwas ist schiefgelaufen. Versuchen Sie es erneut.',
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
  /**
   * The OpenID Provider's own pages: an error that cannot go back to the app, logout, and the
   * page that posts the answer back to the app (response_mode=form_post).
   */
  oidc: {
    errorTitle: 'Diese Anmeldung kann nicht fortgesetzt werden',
    errorNext: 'Kehren Sie zur App zurück und versuchen Sie es erneut.',
    logoutTitle: 'Von {{brand}} abmelden?',
    logoutAsk: 'Die App möchte Ihre {{brand}}-Sitzung in diesem Browser beenden.',
    logoutYes: 'Ja, abmelden',
    logoutNo: 'Nein, angemeldet bleiben',
    signedOutTitle: 'Abgemeldet',
    signedOutText: 'Ihre {{brand}}-Sitzung in diesem Browser ist beendet.',
    formPostTitle: 'Zurück zur App…',
    formPostNoScript:
      'Ihr Browser führt hier keine Skripte aus: Drücken Sie die Schaltfläche, um zur App zurückzukehren.',
    formPostContinue: 'Weiter',
  },
  /** What the virtual phone's script says as it runs (its outcomes, its HTTP log's notes). */
  phoneScript: {
    registrationFailed: 'Registrierung fehlgeschlagen ({{status}}).',
    registered: 'Registriert als {{sim}}. Warten auf Anmeldeanfragen…',
    approved: 'Bestätigt — Sie sind auf der Website angemeldet.',
    wrongNumber: 'Falsche Zahl — die Anmeldung wurde abgelehnt.',
    simSwap: 'Abgelehnt: Die SIM dieser Nummer wurde kürzlich gewechselt.',
    notSignedIn: 'Nicht angemeldet ({{status}}).',
    denied: 'Abgelehnt.',
    registerFirst: 'Registrieren Sie zuerst dieses Telefon.',
    unexpected: 'Unerwartet: {{status}}',
    refused: 'Abgelehnt: {{status}} {{title}}',
    forgotten: 'Vergessen: Dieses Telefon ist nicht mehr registriert.',
    anyNumber: 'Jede Nummer: Ihre eigenen Prüfungen stimmen überein.',
    noAnswer: 'keine Antwort',
    asSim: '(als SIM {{sim}})',
    messages_one: '{{count}} Nachricht',
    messages_other: '{{count}} Nachrichten',
    /** What each of the sandbox's test numbers does (libs/sandbox's TEST_NUMBERS, by key). */
    effect: {
      ordinary: 'ein gewöhnliches Telefon: seine eigenen Prüfungen stimmen überein',
      attacker: 'ein weiteres gewöhnliches Telefon (spielen Sie damit den Angreifer)',
      unsupported: 'Netz von PhoneCheck nicht unterstützt (422)',
      createError: 'Anbieterfehler beim Anlegen der Prüfung (503)',
      exchangeUnavailable: 'Anbieter beim Codeaustausch nicht verfügbar (503, erneut versuchen)',
      slow: 'langsamer Anbieter (Zeitüberschreitung: 503)',
    },
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
