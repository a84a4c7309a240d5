import type { Catalog } from './catalog';

export const es: Catalog = {
  html: {
    title: 'Iniciar sesión',
    heading: 'Inicia sesión con tu teléfono',
    headingClient: 'Inicia sesión en {{client}}',
    clientNoteNamed:
      'Estás iniciando sesión en {{client}} con tu teléfono. Cuando tu teléfono lo apruebe, volverás allí.',
    help: 'Ayuda',
    privacy: 'Privacidad',
    clientNote:
      'Estás iniciando sesión en una aplicación a través de {{brand}}. Cuando tu teléfono lo apruebe, volverás a ella.',
    phoneLabel: 'Número de teléfono',
    numberHint:
      'Formato internacional con un + inicial, p. ej. +447400123456. Sin contraseña, sin SMS.',
    continue: 'Continuar',
    needsScript:
      'Esta página necesita JavaScript para iniciar tu sesión. Actívalo y vuelve a cargar la página.',
    approvePrompt: 'Aprueba el inicio de sesión en tu teléfono y elige este número:',
    sandboxLogin: 'Inicio de sesión',
    sandboxLoginHint:
      '(lo que aprueba un teléfono; pruébalo desde otro teléfono para verlo rechazado)',
    startAgain: 'Empezar de nuevo',
    cancel: 'Cancelar y volver a la aplicación',
    contactSupport: 'Contactar con el soporte de {{brand}}',
  },
  script: {
    matchSaid: 'Elige {{number}} en tu teléfono para aprobar el inicio de sesión.',
    numberHintRegion:
      'Un número de {{country}}, o cualquier número con + y su prefijo de país. Sin contraseña, sin SMS.',
    refused: {
      NOT_A_NUMBER:
        'Escribe el número en formato internacional con un + inicial, p. ej. +447400123456.',
      NOT_A_NUMBER_region: 'Escribe tu número de teléfono, o uno de otro país con + y su prefijo.',
      INVALID_COUNTRY:
        'Ningún país tiene el prefijo con el que empieza este número. Revisa las cifras después del +.',
      TOO_SHORT:
        'Este número es demasiado corto para su país{{country}}. Comprueba que no falte ninguna cifra.',
      TOO_LONG:
        'Este número es demasiado largo para su país{{country}}. Comprueba que no sobre ninguna cifra.',
      INVALID_LENGTH: 'Este número no tiene la cantidad de cifras de su país{{country}}.',
      INVALID_NUMBER:
        'Ningún teléfono puede tener este número: su país{{country}} no lo asigna. Revísalo e inténtalo de nuevo.',
    },
    status: {
      PENDING: 'Esperando a tu teléfono…',
      APPROVED: 'Aprobado en el teléfono — comprobando la SIM…',
      MATCH_PENDING: 'Comprobando la SIM con la red móvil…',
    },
    final: {
      MATCH_SUCCESS: 'Sesión iniciada',
      MATCH_SUCCESS_detail: 'Tu teléfono ha demostrado que tiene la SIM de este número.',
      DENIED: 'Inicio de sesión rechazado',
      DENIED_detail: 'La solicitud se rechazó en el teléfono. Si fue un error, inténtalo de nuevo.',
      MATCH_FAILED: 'Número equivocado',
      MATCH_FAILED_detail:
        'El teléfono que aprobó tiene la SIM de otro número. Comprueba el número que escribiste y usa el de ese teléfono.',
      EXPIRED: 'Solicitud caducada',
      EXPIRED_detail:
        'Tu teléfono no respondió a tiempo. Inténtalo de nuevo y aprueba en tu teléfono antes de que se acabe el tiempo.',
      PROVIDER_ERROR: 'Comprobación de la SIM no disponible',
      PROVIDER_ERROR_detail:
        'La red móvil no pudo comprobar tu SIM en este momento. Inténtalo de nuevo en un momento.',
      SIM_SWAP_DETECTED: 'SIM cambiada recientemente',
      SIM_SWAP_DETECTED_detail:
        'La tarjeta SIM de este número se cambió hace poco, así que por ahora no puede iniciar tu sesión. Si no la cambiaste tú, avisa de inmediato a tu operador móvil.',
    },
    returning: {
      MATCH_SUCCESS: 'Sesión iniciada — volviendo a la aplicación…',
      DENIED: 'Inicio de sesión rechazado — volviendo a la aplicación…',
    },
    /** The one next step an outcome offers (its button). */
    next: {
      retry: 'Intentar de nuevo',
      otherNumber: 'Usar otro número',
      startAgain: 'Empezar de nuevo',
    },
    /** What a refused request means for the person (by the problem's type, never its field). */
    trouble: {
      title: 'Este inicio de sesión no puede continuar',
      tooManySeconds_one: 'Demasiados intentos. Inténtalo de nuevo en {{count}} segundo.',
      tooManySeconds_other: 'Demasiados intentos. Inténtalo de nuevo en {{count}} segundos.',
      tooManyMinutes_one: 'Demasiados intentos. Inténtalo de nuevo en {{count}} minuto.',
      tooManyMinutes_other: 'Demasiados intentos. Inténtalo de nuevo en {{count}} minutos.',
      unavailable: 'El servicio no está disponible ahora. Inténtalo de nuevo en un momento.',
      gone: 'Este inicio de sesión ha terminado. Empieza de nuevo.',
      goneApp:
        'Esta solicitud de inicio de sesión ha caducado. Vuelve a la aplicación e inicia sesión de nuevo.',
      failed: 'Algo ha fallado. Inténtalo de nuevo.',
    },
    countdown_one: 'caduca en {{count}} segundo',
    countdown_other: 'caduca en {{count}} segundos',
    expiring: 'caducando…',
    connectionLost: 'Conexión perdida — reconectando…',
    unreachable: 'No se puede contactar con el servidor. Inténtalo de nuevo.',
  },
  /** The login request's notification, in the phone's language (the push's title and body). */
  push: {
    title: 'Solicitud de inicio de sesión',
    body: 'Alguien está iniciando sesión con tu número. Apruébalo solo si eres tú.',
    bodyClient:
      'Alguien está iniciando sesión en {{client}} con tu número. Apruébalo solo si eres tú.',
  },
  /**
   * The OpenID Provider's own pages: an error that cannot go back to the app, logout, and the
   * page that posts the answer back to the app (response_mode=form_post).
   */
  oidc: {
    errorTitle: 'Este inicio de sesión no puede continuar',
    errorNext: 'Vuelve a la aplicación e inténtalo de nuevo.',
    logoutTitle: '¿Cerrar la sesión de {{brand}}?',
    logoutAsk: 'La aplicación pide cerrar tu sesión de {{brand}} en este navegador.',
    logoutYes: 'Sí, cerrar sesión',
    logoutNo: 'No, seguir conectado',
    signedOutTitle: 'Sesión cerrada',
    signedOutText: 'Tu sesión de {{brand}} en este navegador ha terminado.',
    formPostTitle: 'Volviendo a la aplicación…',
    formPostNoScript:
      'Tu navegador no ejecuta scripts aquí: pulsa el botón para volver a la aplicación.',
    formPostContinue: 'Continuar',
  },
  /** What the virtual phone's script says as it runs (its outcomes, its HTTP log's notes). */
  phoneScript: {
    registrationFailed: 'El registro falló ({{status}}).',
    registered: 'Registrado como {{sim}}. Esperando solicitudes de inicio de sesión…',
    approved: 'Aprobado — has iniciado sesión en el sitio web.',
    wrongNumber: 'Número equivocado — se rechazó el inicio de sesión.',
    simSwap: 'Rechazado: la SIM de este número cambió hace poco.',
    notSignedIn: 'Sesión no iniciada ({{status}}).',
    denied: 'Rechazado.',
    registerFirst: 'Registra primero este teléfono.',
    unexpected: 'Inesperado: {{status}}',
    refused: 'Rechazado: {{status}} {{title}}',
    forgotten: 'Olvidado: este teléfono ya no está registrado.',
    anyNumber: 'Cualquier número: sus propias comprobaciones coinciden.',
    noAnswer: 'sin respuesta',
    asSim: '(como SIM {{sim}})',
    messages_one: '{{count}} mensaje',
    messages_other: '{{count}} mensajes',
    /** What each of the sandbox's test numbers does (libs/sandbox's TEST_NUMBERS, by key). */
    effect: {
      ordinary: 'un teléfono normal: sus propias comprobaciones coinciden',
      attacker: 'otro teléfono normal (haz de atacante con él)',
      unsupported: 'red no compatible con PhoneCheck (422)',
      createError: 'error del proveedor al crear la comprobación (503)',
      exchangeUnavailable: 'proveedor no disponible en el intercambio del código (503, reintentar)',
      slow: 'proveedor lento (tiempo agotado: 503)',
    },
  },
  /** The sandbox's virtual phone: its page's fixed texts. */
  phone: {
    title: 'Teléfono virtual — entorno de pruebas de simauth',
    heading: 'Teléfono virtual',
    sandbox: 'entorno de pruebas',
    sim: 'SIM de este teléfono',
    register: 'Registrar este teléfono',
    forget: 'Olvidar este teléfono',
    requestTitle: 'Solicitud de inicio de sesión',
    requestText:
      'Alguien está iniciando sesión con tu número. Elige el número que muestra el sitio web:',
    deny: 'Rechazar — no soy yo',
    factorCode: 'Código del autenticador',
    factorHint:
      'La SIM de este número cambió hace poco: para aprobar hace falta el código de tu aplicación de autenticación.',
    sendCode: 'Enviar el código',
    sms: 'Mensajes de texto (SMS) a esta SIM',
    attack: 'Aprobar el inicio de sesión de otra persona (prueba de ataque)',
    attackPlaceholder: 'id de inicio de sesión',
    attackButton: 'Intentar aprobarlo',
    log: 'Lo que envía este teléfono',
    logLabel: 'Registro HTTP',
  },
};
