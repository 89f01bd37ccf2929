import type { FirstScreenCatalog } from './translate';

/** Spanish, the first screen's part (esLater.ts has the rest; en.ts says how they load). */
export const es: FirstScreenCatalog = {
  'locale.name': 'Español',
  'app.title': 'Conecte su cuenta',
  'common.back': 'Atrás',
  'common.backToSearch': 'Volver a la búsqueda',
  'common.tryAgain': 'Intentar de nuevo',
  'common.loading': 'Cargando…',
  'common.reconnecting': 'Reconectando…',
  'common.required': '{label} es obligatorio.',
  'amount.ambiguous':
    '«{text}» puede significar {asDecimal} o {asGrouped}. Para {asGrouped}, escriba {groupedExample}.',

  'search.heading': 'Seleccione su institución',
  'search.label': 'Busque su banco o cooperativa de crédito',
  'search.placeholder': 'Buscar',
  'search.popular': 'Instituciones populares',
  'search.results': 'Resultados de la búsqueda',
  'search.noResults':
    'Ninguna institución coincide con "{query}". Revise la ortografía o pruebe con el nombre que usa su banco en su sitio web.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Mostrar más resultados',
  'search.resultCount.one': '{count} institución encontrada',
  'search.resultCount.other': '{count} instituciones encontradas',
  'search.byRoutingNumber': 'Instituciones con el número de ruta {query}',
  'search.invalidRoutingNumber': '{query} no es un número de ruta válido, así que lo buscamos por nombre.',
  'search.routingNumberByName': 'Buscamos por nombre: este servicio no puede buscar por número de ruta.',
  'institution.status.maintenance': 'En mantenimiento: es posible que no se pueda conectar',
  'institution.status.degraded': 'Las conexiones son lentas en este momento',
  'institution.status.unavailable': 'No disponible en este momento',
  'institution.unavailable.heading': '{bank} no está disponible',
  'institution.unavailable.body':
    'Las conexiones con {bank} no funcionan en este momento. No se envió nada a {bank}. Inténtelo más tarde o elija otra institución.',
  'search.error': 'No pudimos cargar las instituciones.',

  'error.heading': 'Algo salió mal',
  'error.network': 'No podemos comunicarnos con el servidor en este momento. Revise su conexión e inténtelo de nuevo.',
  'error.notFound': 'No encontramos esta conexión. Es posible que haya caducado. Vuelva a empezar.',
  'error.badData': 'Recibimos una respuesta que no entendimos. Inténtelo de nuevo.',
  'error.server': 'El servicio tiene problemas en este momento. Inténtelo de nuevo en un momento.',
  'error.tooLong.heading': 'Esto está tardando más de lo habitual',
  'error.tooLong': 'Seguimos esperando respuesta de {bank}. Puede intentarlo de nuevo ahora o volver más tarde.',
  'common.stopWaiting': 'Dejar de esperar',
  'error.sessionExpired.heading': 'Su sesión ha caducado',
  'error.sessionExpired':
    'Por su seguridad, esta sesión ha terminado. Para continuar, vuelva a conectar su cuenta desde la aplicación.',
  'error.sessionRefused.heading': 'No se puede usar esta sesión',
  'error.sessionRefused':
    'Esto se abrió para otra cuenta, así que no puede continuar. Vuelva a empezar desde la aplicación.',
  'error.crash': 'Este paso dejó de funcionar. Puede volver e intentarlo de nuevo.',
  'error.screenUnavailable': 'No se pudo cargar este paso. Revise su conexión e inténtelo de nuevo.',
  'error.invalidOption':
    'Esta ventana se abrió con una configuración que no puede usar, así que no puede continuar. Ciérrela e inténtelo de nuevo desde la aplicación.',
  'error.invalidOption.close': 'Cerrar',
  'error.embedding': 'Este widget solo puede funcionar dentro de la aplicación que lo abrió.',

  // first reads and rate limits (issue 23 §1, §4)
  'error.institutionNotFound': 'No encontramos este banco. Búsquelo por su nombre.',
  'error.rateLimited.heading': 'Demasiados intentos',
  'error.rateLimited': 'Demasiados intentos. Espere un momento y vuelva a intentarlo.',
  'retryWait.one': 'Demasiados intentos: vuelva a intentarlo en {count} segundo.',
  'retryWait.other': 'Demasiados intentos: vuelva a intentarlo en {count} segundos.',
  'retryWait.over': 'Ya puede volver a intentarlo.',
  'start.membersFailed': 'No pudimos cargar sus conexiones guardadas. Aun así puede conectar una cuenta.',
  'start.membersBack': 'Sus conexiones guardadas están de vuelta.',
  'start.showConnections': 'Ver sus conexiones',

  'common.cancel': 'Cancelar',
  'search.notListed': '¿No aparece o no se puede conectar?',
  'manual.add': 'Agregar una cuenta manualmente',
  'institution.cannotVerify.heading': '{bank} no puede verificar cuentas',
  'institution.cannotVerify.body':
    'Las cuentas de {bank} no se pueden verificar iniciando sesión. Puede verificar su cuenta con sus números de cuenta y de ruta, o elegir otra institución.',
  'md.useNumbers': 'Conectar con números de cuenta',
  'search.morePopular': 'Mostrar todas las instituciones populares',
  'search.moreShown.one': 'Se muestra {count} institución más',
  'search.moreShown.other': 'Se muestran {count} instituciones más',
  'error.sessionExpired.window':
    'Por su seguridad, esta sesión ha terminado. Cierre esta ventana y vuelva a empezar desde la aplicación.',
  'error.sessionRefused.window':
    'Esta ventana se abrió para otra cuenta. Ciérrela y vuelva a empezar desde la aplicación.',
  'error.institutionNotFound.heading': 'No se encontró la institución',
};
