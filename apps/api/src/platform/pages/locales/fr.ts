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
      'Vous vous connectez à une application via simauth. Une fois que votre téléphone a approuvé, vous y êtes renvoyé.',
    phoneLabel: 'Numéro de téléphone',
    numberHint:
      'Format international commençant par +, par ex. +447400123456. Ni mot de passe, ni SMS.',
    continue: 'Continuer',
    approvePrompt: 'Approuvez la connexion sur votre téléphone et choisissez ce nombre :',
    sandboxLogin: 'Connexion',
    sandboxLoginHint:
      '(ce qu’un téléphone approuve ; essayez depuis un autre téléphone pour la voir refusée)',
    startAgain: 'Recommencer',
    cancel: 'Annuler et revenir à l’application',
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
      DENIED_detail: 'La demande a été refusée sur le téléphone.',
      MATCH_FAILED: 'Aucune correspondance',
      MATCH_FAILED_detail: 'La SIM du téléphone qui a approuvé ne correspond pas à ce numéro.',
      EXPIRED: 'Demande expirée',
      EXPIRED_detail: 'Le téléphone n’a pas terminé à temps. Recommencez.',
      PROVIDER_ERROR: 'Échec de la vérification',
      PROVIDER_ERROR_detail: 'La vérification de la SIM n’a pas pu aboutir. Recommencez.',
      SIM_SWAP_DETECTED: 'SIM changée récemment',
      SIM_SWAP_DETECTED_detail:
        'La SIM de ce numéro a changé récemment : elle ne peut pas vous connecter maintenant. Contactez le support si ce n’était pas vous.',
    },
    returning: {
      MATCH_SUCCESS: 'Connecté — retour à l’application…',
      DENIED: 'Connexion refusée — retour à l’application…',
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
  /** The OpenID Provider's own pages: an error that cannot go back to the app, and logout. */
  oidc: {
    errorTitle: 'Cette connexion ne peut pas continuer',
    errorNext: 'Revenez à l’application et réessayez.',
    logoutTitle: 'Se déconnecter de simauth ?',
    logoutAsk: 'L’application demande de fermer votre session simauth dans ce navigateur.',
    logoutYes: 'Oui, me déconnecter',
    logoutNo: 'Non, rester connecté',
    signedOutTitle: 'Déconnecté',
    signedOutText: 'Votre session simauth dans ce navigateur est terminée.',
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
