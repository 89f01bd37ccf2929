import type { Catalog } from './translate';

/** Spanish. Status messages follow MX's end-user messages in meaning; {bank} is the institution. */
export const es: Catalog = {
  'locale.name': 'Español',
  'app.title': 'Conecta tu cuenta',
  'common.back': 'Atrás',
  'common.backToSearch': 'Volver a la búsqueda',
  'common.tryAgain': 'Intentar de nuevo',
  'common.loading': 'Cargando…',
  'common.reconnecting': 'Reconectando…',
  'common.required': '{label} es obligatorio.',

  'search.heading': 'Selecciona tu institución',
  'search.label': 'Busca tu banco o cooperativa de crédito',
  'search.placeholder': 'Buscar',
  'search.popular': 'Instituciones populares',
  'search.results': 'Resultados de la búsqueda',
  'search.noResults':
    'Ninguna institución coincide con "{query}". Revisa la ortografía o prueba con el nombre que usa tu banco en su sitio web.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Mostrar más resultados',
  'search.resultCount': '{count} instituciones encontradas',
  'search.byRoutingNumber': 'Instituciones con el número de ruta {query}',
  'search.invalidRoutingNumber': '{query} no es un número de ruta válido, así que lo buscamos por nombre.',
  'institution.status.maintenance': 'En mantenimiento: es posible que no se pueda conectar',
  'institution.status.degraded': 'Las conexiones son lentas en este momento',
  'institution.status.unavailable': 'No disponible en este momento',
  'institution.unavailable.heading': '{bank} no está disponible',
  'institution.unavailable.body':
    'Las conexiones con {bank} no funcionan en este momento. No se envió nada a {bank}. Inténtelo más tarde o elija otra institución.',
  'search.error': 'No pudimos cargar las instituciones.',

  'method.heading': '¿Cómo quieres conectarte a {bank}?',
  'method.oauth': 'Iniciar sesión en {bank} (recomendado)',
  'method.oauthHint': 'Tu banco te muestra su propia página de inicio de sesión. Nunca vemos tu contraseña.',
  'method.credentials': 'Introducir tus credenciales aquí',
  'method.credentialsHint': 'Escribe tu usuario y contraseña de {bank} en esta ventana.',

  'creds.heading': 'Introduce tus credenciales',
  'creds.updateHeading': 'Actualiza tus credenciales',
  'creds.intro': 'Inicia sesión en {bank} para conectar tu cuenta.',
  'creds.submit': 'Continuar',
  'creds.sending': 'Conectando…',
  'creds.show': 'Mostrar',
  'creds.hide': 'Ocultar',
  'creds.showLabel': 'Mostrar contraseña',
  'creds.hideLabel': 'Ocultar contraseña',
  'creds.selectPlaceholder': 'Elige…',
  'creds.forgot': '¿Olvidaste tus credenciales?',
  'creds.duplicate': 'Ya conectaste esta cuenta de {bank}.',
  'creds.duplicateUpdate': 'Actualizar la conexión existente',
  'creds.error': 'No pudimos enviar tus credenciales: {message}',
  'creds.noFields': '{bank} no acepta credenciales aquí.',

  'oauth.heading': 'Inicia sesión en {bank}',
  'oauth.intro': 'Te enviaremos a {bank} para iniciar sesión. Cuando termines, volverás aquí.',
  'oauth.go': 'Ir a {bank}',
  'oauth.waiting': 'Esperando a que termines de iniciar sesión en {bank}…',
  'oauth.reopen': 'Volver a abrir la ventana',
  'oauth.cancel': 'Cancelar',
  'oauth.blocked': 'Tu navegador bloqueó la ventana de inicio de sesión. Usa este enlace para abrirla:',
  'oauth.blockedLink': 'Abrir el inicio de sesión de {bank}',
  'oauth.preparing': 'Preparando un inicio de sesión seguro…',
  'oauth.error': 'No pudimos iniciar la sesión con {bank}.',

  'connecting.heading': 'Conectando con {bank}',
  'connecting.doneLater': 'Listo, volveré más tarde',

  'mfa.heading': 'Verifica tu identidad',
  'mfa.intro': 'Para autenticar tu conexión con {bank}, responde las siguientes preguntas.',
  'mfa.submit': 'Continuar',
  'mfa.sending': 'Enviando…',
  'mfa.imageUnavailable': 'Imagen no disponible',
  'mfa.chooseOne': 'Elige una opción',
  'mfa.unanswerable':
    '{bank} hizo una pregunta de seguridad que no se puede mostrar aquí. Vuelva e inténtelo de nuevo, o elija otra institución.',

  'connected.heading': '¡Listo!',
  'connected.body': 'Conectaste {bank} correctamente.',
  'connected.accounts': 'Cuentas encontradas',
  'connected.noAccounts': 'Todavía no se encontraron cuentas.',
  'connected.accountsError': 'Tu cuenta está conectada, pero no pudimos cargar sus cuentas.',
  'connected.done': 'Listo',
  'connected.another': 'Conectar otra cuenta',
  'connected.manual': '{bank} se agregó manualmente. No se actualiza de forma automática.',

  'verify.heading': 'Elige una cuenta',
  'verify.intro': 'Elige la cuenta de {bank} que quieres usar para pagos.',
  'verify.accounts': 'Cuentas que se pueden verificar',
  'verify.continue': 'Usar esta cuenta',
  'verify.chosen': 'Elegiste {account}.',
  'verify.choose': 'Primero elige una cuenta.',
  'verify.none':
    'Ninguna de tus cuentas de {bank} se puede usar para pagos. Conecta una cuenta de cheques o de ahorros.',

  'status.heading.fixCredentials': 'Se necesitan credenciales nuevas',
  'status.heading.mfaProblem': 'No pudimos verificarte',
  'status.heading.actAtBank': 'Se requiere una acción en {bank}',
  'status.heading.temporary': 'Problema de conexión',
  'status.heading.gone': 'Conexión no disponible',
  'status.heading.unknown': 'Algo salió mal',
  'status.action.updateCredentials': 'Actualizar credenciales',
  'status.action.tryAgain': 'Intentar de nuevo',
  'status.action.visitBank': 'Ir al sitio web de {bank}',
  'status.action.backToSearch': 'Volver a la búsqueda',

  'status.CREATED': 'Conectando con {bank}...',
  'status.PREVENTED':
    'Los últimos 3 intentos de conexión fallaron. Vuelve a introducir tus credenciales para seguir importando datos.',
  'status.DENIED':
    'Las credenciales introducidas no coinciden con las de esta institución. Vuelve a introducir tus credenciales para seguir importando datos.',
  'status.CHALLENGED': 'Para autenticar tu conexión con {bank}, responde las siguientes preguntas.',
  'status.REJECTED': 'La respuesta o respuestas proporcionadas no eran correctas. Inténtalo de nuevo.',
  'status.LOCKED':
    'Tu cuenta está bloqueada. Inicia sesión en el sitio web de {bank} y sigue los pasos para resolver el problema.',
  'status.CONNECTED': 'Conectado con {bank}.',
  'status.IMPEDED':
    'Se requiere tu atención en el sitio web de esta institución. Inicia sesión en el sitio web de {bank} y sigue los pasos para resolver el problema.',
  'status.RECONNECTED': 'Reconectando con {bank}...',
  'status.DEGRADED': 'Estamos mejorando esta conexión. Inténtalo de nuevo más tarde.',
  'status.DISCONNECTED':
    'Parece que no se pueden importar tus datos de {bank}. Estamos trabajando para resolver el problema.',
  'status.DISCONTINUED':
    'Ya no se admiten conexiones con esta institución. Puedes crear una cuenta manual y registrar transacciones manuales para esta cuenta.',
  'status.CLOSED':
    'Esta conexión se cerró. Puedes seguir esta cuenta manualmente. Si se vuelve a abrir, puedes conectar la institución de nuevo.',
  'status.DELAYED': 'Importar tus datos de {bank} puede tardar un poco. Vuelve a consultar más tarde.',
  'status.FAILED': 'Hubo un problema al validar tus credenciales con {bank}. Inténtalo de nuevo más tarde.',
  'status.UPDATED': 'Conectando con {bank}...',
  'status.DISABLED':
    'La importación de datos de esta institución está desactivada. Contáctanos si crees que se desactivó por error.',
  'status.IMPORTED':
    'Debes volver a autenticarte antes de que se puedan importar tus datos. Introduce tus credenciales de {bank}.',
  'status.RESUMED': 'Conectando con {bank}...',
  'status.EXPIRED': 'La respuesta o respuestas no se enviaron a tiempo. Inténtalo de nuevo.',
  'status.IMPAIRED':
    'Debes volver a autenticarte antes de que se puedan importar tus datos. Introduce tus credenciales de {bank}.',
  'status.PENDING': 'Esperando a que termines de iniciar sesión en {bank}.',
  'status.MANUAL': '{bank} se agregó manualmente. No se actualiza de forma automática.',
  'status.UNKNOWN': 'Algo salió mal al conectar con {bank}. Inténtalo de nuevo.',

  'error.heading': 'Algo salió mal',
  'error.network': 'No podemos comunicarnos con el servidor en este momento. Revisa tu conexión e inténtalo de nuevo.',
  'error.notFound': 'No encontramos esta conexión. Es posible que haya caducado. Vuelve a empezar.',
  'error.badData': 'Recibimos una respuesta que no entendimos. Inténtalo de nuevo.',
  'error.server': 'El servicio tiene problemas en este momento. Inténtalo de nuevo en un momento.',
  'error.tooLong.heading': 'Esto está tardando más de lo habitual',
  'error.tooLong': 'Seguimos esperando respuesta de {bank}. Puedes intentarlo de nuevo ahora o volver más tarde.',
  'common.stopWaiting': 'Dejar de esperar',
  'error.sessionExpired.heading': 'Tu sesión ha caducado',
  'error.sessionExpired':
    'Por tu seguridad, esta sesión ha terminado. Cierra esta ventana y vuelve a empezar desde la aplicación.',
  'error.crash': 'Este paso dejó de funcionar. Puedes volver e intentarlo de nuevo.',
  'error.config': 'Este widget se abrió con un ajuste no válido: "{param}" {message}.',
  'error.embedding': 'Este widget solo puede funcionar dentro de la aplicación que lo abrió.',
};
