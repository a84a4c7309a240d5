import type { Catalog } from './catalog';

export const fr: Catalog = {
  html: {
    title: 'Connexion',
    heading: 'Connectez-vous avec votre téléphone',
    headingClient: 'Connexion à {{client}}',
    clientNoteNamed:
      'Vous vous connectez à {{client}} avec votre téléphone. Une fois que votre téléphone a approuvé, vous y êtes renvoyé.',
    help: 'Aide',
    privacy: 'Confidentialité',
    clientNote:
      'Vous vous connectez à une application via {{brand}}. Une fois que votre téléphone a approuvé, vous y êtes renvoyé.',
    phoneLabel: 'Numéro de téléphone',
    numberHint:
      'Format international commençant par +, par ex. +447400123456. Ni mot de passe, ni SMS.',
    continue: 'Continuer',
    needsScript:
      'Cette page a besoin de JavaScript pour vous connecter. Activez-le, puis rechargez la page.',
    approvePrompt: 'Approuvez la connexion sur votre téléphone et choisissez ce nombre :',
    sandboxLogin: 'Connexion',
    sandboxLoginHint:
      '(ce qu’un téléphone approuve ; essayez depuis un autre téléphone pour la voir refusée)',
    startAgain: 'Recommencer',
    cancel: 'Annuler et revenir à l’application',
    contactSupport: 'Contacter le support de {{brand}}',
  },
  script: {
    matchSaid: 'Choisissez {{number}} sur votre téléphone pour approuver la connexion.',
    numberHintRegion:
      'Un numéro de {{country}}, ou tout numéro avec + et son indicatif pays. Ni mot de passe, ni SMS.',
    refused: {
      NOT_A_NUMBER:
        'Saisissez le numéro au format international commençant par +, par ex. +447400123456.',
      NOT_A_NUMBER_region:
        'Saisissez votre numéro, ou celui d’un autre pays avec + et son indicatif.',
      INVALID_COUNTRY:
        'Aucun pays n’a l’indicatif par lequel commence ce numéro. Vérifiez les chiffres après le +.',
      TOO_SHORT:
        'Ce numéro est trop court pour son pays{{country}}. Vérifiez qu’il ne manque aucun chiffre.',
      TOO_LONG:
        'Ce numéro est trop long pour son pays{{country}}. Vérifiez qu’il n’y a pas un chiffre de trop.',
      INVALID_LENGTH: 'Ce numéro n’a pas le bon nombre de chiffres pour son pays{{country}}.',
      INVALID_NUMBER:
        'Aucun téléphone ne peut avoir ce numéro : son pays{{country}} ne l’attribue pas. Vérifiez-le et réessayez.',
    },
    status: {
      PENDING: 'En attente de votre téléphone…',
      APPROVED: 'Approuvé sur le téléphone — vérification de la SIM…',
      MATCH_PENDING: 'Vérification de la SIM auprès du réseau mobile…',
    },
    final: {
      MATCH_SUCCESS: 'Connecté',
      MATCH_SUCCESS_detail: 'Votre téléphone a prouvé qu’il contient la SIM de ce numéro.',
      DENIED: 'Connexion refusée',
      DENIED_detail: 'La demande a été refusée sur le téléphone. Si c’était une erreur, réessayez.',
      MATCH_FAILED: 'Mauvais numéro',
      MATCH_FAILED_detail:
        'Le téléphone qui a approuvé contient la SIM d’un autre numéro. Vérifiez le numéro saisi et utilisez celui de ce téléphone.',
      EXPIRED: 'Demande expirée',
      EXPIRED_detail:
        'Votre téléphone n’a pas répondu à temps. Réessayez et approuvez sur votre téléphone avant la fin du délai.',
      PROVIDER_ERROR: 'Vérification de la SIM indisponible',
      PROVIDER_ERROR_detail:
        'Le réseau mobile n’a pas pu vérifier votre SIM pour le moment. Réessayez dans un instant.',
      SIM_SWAP_DETECTED: 'SIM changée récemment',
      SIM_SWAP_DETECTED_detail:
        'La carte SIM de ce numéro a été changée récemment : elle ne peut pas vous connecter pour le moment. Si vous ne l’avez pas changée, prévenez tout de suite votre opérateur mobile.',
    },
    returning: {
      MATCH_SUCCESS: 'Connecté — retour à l’application…',
      DENIED: 'Connexion refusée — retour à l’application…',
    },
    /** The one next step an outcome offers (its button). */
    next: {
      retry: 'Réessayer',
      otherNumber: 'Utiliser un autre numéro',
      startAgain: 'Recommencer',
    },
    /** What a refused request means for the person (by the problem's type, never its field). */
    trouble: {
      title: 'Cette connexion ne peut pas continuer',
      tooManySeconds_one: 'Trop de tentatives. Réessayez dans {{count}} seconde.',
      tooManySeconds_other: 'Trop de tentatives. Réessayez dans {{count}} secondes.',
      tooManyMinutes_one: 'Trop de tentatives. Réessayez dans {{count}} minute.',
      tooManyMinutes_other: 'Trop de tentatives. Réessayez dans {{count}} minutes.',
      unavailable: 'Le service n’est pas disponible pour le moment. Réessayez dans un instant.',
      gone: 'Cette connexion est terminée. Recommencez.',
      goneApp: 'Cette demande de connexion a expiré. Revenez à l’application et reconnectez-vous.',
      failed: 'Une erreur s’est produite. Réessayez.',
    },
    countdown_one: 'expire dans {{count}} seconde',
    countdown_other: 'expire dans {{count}} secondes',
    expiring: 'expiration…',
    connectionLost: 'Connexion perdue — reconnexion…',
    unreachable: 'Le serveur est injoignable. Réessayez.',
  },
  /** The login request's notification, in the phone's language (the push's title and body). */
  push: {
    title: 'Demande de connexion',
    body: 'Quelqu’un se connecte avec votre numéro. N’approuvez que si c’est vous.',
    bodyClient:
      'Quelqu’un se connecte à {{client}} avec votre numéro. N’approuvez que si c’est vous.',
  },
  /**
   * The OpenID Provider's own pages: an error that cannot go back to the app, logout, and the
   * page that posts the answer back to the app (response_mode=form_post).
   */
  oidc: {
    errorTitle: 'Cette connexion ne peut pas continuer',
    errorNext: 'Revenez à l’application et réessayez.',
    logoutTitle: 'Se déconnecter de {{brand}} ?',
    logoutAsk: 'L’application demande de fermer votre session {{brand}} dans ce navigateur.',
    logoutYes: 'Oui, me déconnecter',
    logoutNo: 'Non, rester connecté',
    signedOutTitle: 'Déconnecté',
    signedOutText: 'Votre session {{brand}} dans ce navigateur est terminée.',
    formPostTitle: 'Retour à l’application…',
    formPostNoScript:
      'Votre navigateur n’exécute pas de scripts ici : appuyez sur le bouton pour revenir à l’application.',
    formPostContinue: 'Continuer',
  },
  /** What the virtual phone's script says as it runs (its outcomes, its HTTP log's notes). */
  phoneScript: {
    registrationFailed: 'Échec de l’enregistrement ({{status}}).',
    registered: 'Enregistré sous {{sim}}. En attente de demandes de connexion…',
    approved: 'Approuvé — vous êtes connecté sur le site web.',
    wrongNumber: 'Mauvais nombre — la connexion a été refusée.',
    simSwap: 'Refusé : la SIM de ce numéro a changé récemment.',
    notSignedIn: 'Non connecté ({{status}}).',
    denied: 'Refusé.',
    registerFirst: 'Enregistrez d’abord ce téléphone.',
    unexpected: 'Inattendu : {{status}}',
    refused: 'Refusé : {{status}} {{title}}',
    forgotten: 'Oublié : ce téléphone n’est plus enregistré.',
    anyNumber: 'Tout numéro : ses propres vérifications correspondent.',
    noAnswer: 'pas de réponse',
    asSim: '(en tant que SIM {{sim}})',
    messages_one: '{{count}} message',
    messages_other: '{{count}} messages',
    /** What each of the sandbox's test numbers does (libs/sandbox's TEST_NUMBERS, by key). */
    effect: {
      ordinary: 'un téléphone ordinaire : ses propres vérifications correspondent',
      attacker: 'un autre téléphone ordinaire (jouez l’attaquant avec)',
      unsupported: 'réseau non pris en charge par PhoneCheck (422)',
      createError: 'erreur du fournisseur à la création de la vérification (503)',
      exchangeUnavailable: 'fournisseur indisponible à l’échange du code (503, réessayer)',
      slow: 'fournisseur lent (délai dépassé : 503)',
    },
  },
  /** The sandbox's virtual phone: its page's fixed texts. */
  phone: {
    title: 'Téléphone virtuel — bac à sable simauth',
    heading: 'Téléphone virtuel',
    sandbox: 'bac à sable',
    sim: 'SIM de ce téléphone',
    register: 'Enregistrer ce téléphone',
    forget: 'Oublier ce téléphone',
    requestTitle: 'Demande de connexion',
    requestText:
      'Quelqu’un se connecte avec votre numéro. Choisissez le nombre affiché par le site :',
    deny: 'Refuser — ce n’est pas moi',
    factorCode: 'Code d’authentification',
    factorHint:
      'La SIM de ce numéro a changé récemment : pour approuver, il faut le code de votre application d’authentification.',
    sendCode: 'Envoyer le code',
    sms: 'Messages texte (SMS) reçus par cette SIM',
    attack: 'Approuver la connexion de quelqu’un d’autre (test d’attaque)',
    attackPlaceholder: 'identifiant de connexion',
    attackButton: 'Essayer d’approuver',
    log: 'Ce que ce téléphone envoie',
    logLabel: 'Journal HTTP',
  },
};
