import type { FirstScreenCatalog } from './translate';

/** Canadian French, the first screen's part (frCALater.ts has the rest; en.ts says how they load). */
export const frCA: FirstScreenCatalog = {
  'locale.name': 'Français (Canada)',
  'app.title': 'Connectez votre compte',
  'common.back': 'Retour',
  'common.backToSearch': 'Retour à la recherche',
  'common.tryAgain': 'Réessayer',
  'common.loading': 'Chargement…',
  'common.reconnecting': 'Reconnexion…',
  'common.required': 'Le champ {label} est obligatoire.',
  'amount.ambiguous':
    '« {text} » peut vouloir dire {asDecimal} ou {asGrouped}. Pour {asGrouped}, écrivez {groupedExample}.',

  'search.heading': 'Choisissez votre institution',
  'search.label': 'Cherchez votre banque ou votre caisse',
  'search.placeholder': 'Rechercher',
  'search.popular': 'Institutions populaires',
  'search.results': 'Résultats de la recherche',
  'search.noResults':
    'Aucune institution ne correspond à « {query} ». Vérifiez l’orthographe ou essayez le nom que votre banque utilise sur son site Web.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Afficher plus de résultats',
  'search.resultCount.one': '{count} institution trouvée',
  'search.resultCount.other': '{count} institutions trouvées',
  'search.byRoutingNumber': 'Institutions avec le numéro d’acheminement {query}',
  'search.invalidRoutingNumber': '{query} n’est pas un numéro d’acheminement valide; nous l’avons cherché par nom.',
  'search.routingNumberByName': 'Recherche par nom : ce service ne peut pas chercher par numéro d’acheminement.',
  'institution.status.maintenance': 'En maintenance : la connexion pourrait échouer',
  'institution.status.degraded': 'Les connexions sont lentes en ce moment',
  'institution.status.unavailable': 'Indisponible en ce moment',
  'institution.unavailable.heading': '{bank} est indisponible',
  'institution.unavailable.body':
    'Les connexions à {bank} ne fonctionnent pas en ce moment. Rien n’a été envoyé à {bank}. Réessayez plus tard ou choisissez une autre institution.',
  'search.error': 'Impossible de charger les institutions.',

  'error.heading': 'Un problème est survenu',
  'error.network': 'Le serveur est injoignable pour le moment. Vérifiez votre connexion et réessayez.',
  'error.notFound': 'Cette connexion est introuvable. Elle a peut-être expiré. Veuillez recommencer.',
  'error.badData': 'Nous avons reçu une réponse incompréhensible. Veuillez réessayer.',
  'error.server': 'Le service éprouve des difficultés. Veuillez réessayer dans un moment.',
  'error.tooLong.heading': 'Cela prend plus de temps que d’habitude',
  'error.tooLong':
    'Nous attendons toujours une réponse de {bank}. Vous pouvez réessayer maintenant ou revenir plus tard.',
  'common.stopWaiting': 'Arrêter d’attendre',
  'error.sessionExpired.heading': 'Votre session a expiré',
  'error.sessionExpired':
    'Pour votre sécurité, cette session est terminée. Pour continuer, recommencez la connexion de votre compte depuis l’application.',
  'error.sessionRefused.heading': 'Cette session ne peut pas être utilisée',
  'error.sessionRefused':
    'Ceci a été ouvert pour un autre compte et ne peut pas continuer. Recommencez à partir de l’application.',
  'error.crash': 'Cette étape a cessé de fonctionner. Vous pouvez revenir en arrière et réessayer.',
  'error.screenUnavailable': 'Cette étape n’a pas pu être chargée. Vérifiez votre connexion et réessayez.',
  'error.invalidOption':
    'Cette fenêtre a été ouverte avec des réglages qu’elle ne peut pas utiliser, elle ne peut donc pas continuer. Fermez-la et réessayez à partir de l’application.',
  'error.invalidOption.close': 'Fermer',
  'error.embedding': 'Ce widget ne peut fonctionner que dans l’application qui l’a ouvert.',

  // first reads and rate limits (issue 23 §1, §4)
  'error.institutionNotFound': 'Cette banque est introuvable. Cherchez-la plutôt par son nom.',
  'error.rateLimited.heading': 'Trop de tentatives',
  'error.rateLimited': 'Trop de tentatives. Veuillez patienter un moment, puis réessayer.',
  'retryWait.one': 'Trop de tentatives : réessayez dans {count} seconde.',
  'retryWait.other': 'Trop de tentatives : réessayez dans {count} secondes.',
  'retryWait.over': 'Vous pouvez réessayer maintenant.',
  'start.membersFailed':
    'Vos connexions enregistrées n’ont pas pu être chargées. Vous pouvez tout de même connecter un compte.',
  'start.membersBack': 'Vos connexions enregistrées sont de retour.',
  'start.showConnections': 'Voir vos connexions',

  'common.cancel': 'Annuler',
  'search.notListed': 'Introuvable ou impossible à connecter?',
  'manual.add': 'Ajouter un compte manuellement',
  'institution.cannotVerify.heading': '{bank} ne peut pas vérifier les comptes',
  'institution.cannotVerify.body':
    'Les comptes chez {bank} ne peuvent pas être vérifiés par connexion. Vous pouvez vérifier votre compte avec ses numéros de compte et de transit, ou choisir une autre institution.',
  'md.useNumbers': 'Se connecter plutôt avec les numéros de compte',
  'search.morePopular': 'Afficher toutes les institutions populaires',
  'search.moreShown.one': '{count} institution de plus affichée',
  'search.moreShown.other': '{count} institutions de plus affichées',
  'error.institutionNotFound.heading': 'Institution introuvable',
  'error.sessionExpired.window':
    'Pour votre sécurité, cette session est terminée. Fermez cette fenêtre et recommencez depuis l’application.',
  'error.sessionRefused.window':
    'Cette fenêtre a été ouverte pour un autre compte. Fermez-la et recommencez à partir de l’application.',
};
