import type { Catalog } from './translate';

/** Canadian French. Status messages follow MX's end-user messages in meaning; {bank} is the institution. */
export const frCA: Catalog = {
  'locale.name': 'Français (Canada)',
  'app.title': 'Connectez votre compte',
  'common.back': 'Retour',
  'common.backToSearch': 'Retour à la recherche',
  'common.tryAgain': 'Réessayer',
  'common.loading': 'Chargement…',
  'common.reconnecting': 'Reconnexion…',
  'common.required': 'Le champ {label} est obligatoire.',

  'search.heading': 'Choisissez votre institution',
  'consent.heading': '{client} utilise MX pour connecter vos comptes',
  'consent.textLabel': 'Ce que vous acceptez',
  'consent.intro': 'Si vous continuez, {client} recevra ceci des institutions que vous connectez :',
  'consent.scope.account_details': 'Noms et types de comptes',
  'consent.scope.balances': 'Soldes',
  'consent.scope.transactions': 'Transactions',
  'consent.scope.account_numbers': 'Numéros de compte et d’acheminement',
  'consent.scope.identity': 'Le nom, le courriel et l’adresse du titulaire',
  'consent.protection':
    'Vos identifiants sont chiffrés et envoyés seulement à votre institution; {client} ne les voit jamais.',
  'consent.duration':
    'Votre consentement dure jusqu’à ce que vous le révoquiez. Vous pouvez le révoquer en tout temps dans {client}, qui cesse alors de recevoir vos données.',
  'consent.policy': 'Politique de confidentialité de {client}',
  'consent.scrollHint': 'Lisez jusqu’à la fin pour accepter.',
  'consent.agree': 'J’accepte',
  'consent.decline': 'Refuser',
  'consent.declined.heading': 'Rien n’a été partagé',
  'consent.declined.body':
    'Vous avez refusé : {client} ne reçoit rien. Vous pouvez relire les conditions en tout temps.',
  'consent.review': 'Relire',
  'consent.defaultClient': 'Cette application',
  'search.label': 'Cherchez votre banque ou votre caisse',
  'search.placeholder': 'Rechercher',
  'search.popular': 'Institutions populaires',
  'search.results': 'Résultats de la recherche',
  'search.noResults':
    'Aucune institution ne correspond à « {query} ». Vérifiez l’orthographe ou essayez le nom que votre banque utilise sur son site Web.',
  'search.oauthHint': 'OAuth',
  'search.loadMore': 'Afficher plus de résultats',
  'search.resultCount': '{count} institutions trouvées',
  'search.byRoutingNumber': 'Institutions avec le numéro d’acheminement {query}',
  'search.invalidRoutingNumber': '{query} n’est pas un numéro d’acheminement valide; nous l’avons cherché par nom.',
  'institution.status.maintenance': 'En maintenance : la connexion pourrait échouer',
  'institution.status.degraded': 'Les connexions sont lentes en ce moment',
  'institution.status.unavailable': 'Indisponible en ce moment',
  'institution.unavailable.heading': '{bank} est indisponible',
  'institution.unavailable.body':
    'Les connexions à {bank} ne fonctionnent pas en ce moment. Rien n’a été envoyé à {bank}. Réessayez plus tard ou choisissez une autre institution.',
  'search.error': 'Impossible de charger les institutions.',

  'method.heading': 'Comment voulez-vous vous connecter à {bank}?',
  'method.oauth': 'Ouvrir une session chez {bank} (recommandé)',
  'method.oauthHint': 'Votre banque affiche sa propre page de connexion. Nous ne voyons jamais votre mot de passe.',
  'method.credentials': 'Entrer vos identifiants ici',
  'method.credentialsHint': 'Tapez votre nom d’utilisateur et votre mot de passe {bank} dans cette fenêtre.',

  'creds.heading': 'Entrez vos identifiants',
  'creds.updateHeading': 'Mettez à jour vos identifiants',
  'creds.intro': 'Ouvrez une session chez {bank} pour connecter votre compte.',
  'creds.submit': 'Continuer',
  'creds.sending': 'Connexion…',
  'creds.show': 'Afficher',
  'creds.hide': 'Masquer',
  'creds.showLabel': 'Afficher le mot de passe',
  'creds.hideLabel': 'Masquer le mot de passe',
  'creds.selectPlaceholder': 'Choisissez…',
  'creds.forgot': 'Identifiants oubliés?',
  'creds.duplicate': 'Vous avez déjà connecté ce compte {bank}.',
  'creds.duplicateUpdate': 'Mettre à jour la connexion existante',
  'creds.error': 'Impossible d’envoyer vos identifiants : {message}',
  'creds.noFields': '{bank} n’accepte pas d’identifiants ici.',

  'oauth.heading': 'Ouvrez une session chez {bank}',
  'oauth.intro': 'Vous serez dirigé vers {bank} pour ouvrir une session. Vous reviendrez ici ensuite.',
  'oauth.go': 'Aller chez {bank}',
  'oauth.waiting': 'En attente de la fin de votre connexion chez {bank}…',
  'oauth.reopen': 'Rouvrir la fenêtre',
  'oauth.cancel': 'Annuler',
  'oauth.blocked': 'Votre navigateur a bloqué la fenêtre de connexion. Utilisez ce lien pour l’ouvrir :',
  'oauth.blockedLink': 'Ouvrir la connexion {bank}',
  'oauth.preparing': 'Préparation d’une connexion sécurisée…',
  'oauth.error': 'Impossible de lancer la connexion avec {bank}.',

  'connecting.heading': 'Connexion à {bank}',
  'connecting.doneLater': 'Terminé, je reviendrai plus tard',

  'mfa.heading': 'Confirmez votre identité',
  'mfa.intro': 'Pour authentifier votre connexion à {bank}, répondez aux questions suivantes.',
  'mfa.submit': 'Continuer',
  'mfa.sending': 'Envoi…',
  'mfa.imageUnavailable': 'Image non disponible',
  'mfa.chooseOne': 'Choisissez une option',
  'mfa.unanswerable':
    '{bank} a posé une question de sécurité qui ne peut pas être affichée ici. Revenez en arrière et réessayez, ou choisissez une autre institution.',

  'connected.heading': 'C’est fait!',
  'connected.body': 'Vous avez connecté {bank}.',
  'connected.accounts': 'Comptes trouvés',
  'connected.noAccounts': 'Aucun compte trouvé pour le moment.',
  'connected.accountsError': 'Votre compte est connecté, mais ses comptes n’ont pas pu être chargés.',
  'connected.done': 'Terminé',
  'connected.another': 'Connecter un autre compte',
  'connected.manual': '{bank} a été ajouté manuellement. Il n’est pas mis à jour automatiquement.',

  'verify.heading': 'Choisissez un compte',
  'verify.intro': 'Choisissez le compte {bank} à utiliser pour les paiements.',
  'verify.accounts': 'Comptes vérifiables',
  'verify.continue': 'Utiliser ce compte',
  'verify.chosen': 'Vous avez choisi {account}.',
  'verify.choose': 'Choisissez d’abord un compte.',
  'verify.none':
    'Aucun de vos comptes {bank} ne peut servir aux paiements. Connectez plutôt un compte chèques ou épargne.',

  'status.heading.fixCredentials': 'Nouveaux identifiants requis',
  'status.heading.mfaProblem': 'Vérification impossible',
  'status.heading.actAtBank': 'Action requise chez {bank}',
  'status.heading.temporary': 'Problème de connexion',
  'status.heading.gone': 'Connexion non disponible',
  'status.heading.unknown': 'Un problème est survenu',
  'status.action.updateCredentials': 'Mettre à jour les identifiants',
  'status.action.tryAgain': 'Réessayer',
  'status.action.visitBank': 'Aller sur le site Web de {bank}',
  'status.action.backToSearch': 'Retour à la recherche',

  'status.CREATED': 'Connexion à {bank}...',
  'status.PREVENTED':
    'Les 3 dernières tentatives de connexion ont échoué. Veuillez entrer de nouveau vos identifiants pour continuer à importer vos données.',
  'status.DENIED':
    'Les identifiants entrés ne correspondent pas à ceux de cette institution. Veuillez entrer de nouveau vos identifiants pour continuer à importer vos données.',
  'status.CHALLENGED': 'Pour authentifier votre connexion à {bank}, répondez aux questions suivantes.',
  'status.REJECTED': 'La ou les réponses fournies sont incorrectes. Veuillez réessayer.',
  'status.LOCKED':
    'Votre compte est verrouillé. Ouvrez une session sur le site Web de {bank} et suivez les étapes pour régler le problème.',
  'status.CONNECTED': 'Connecté à {bank}.',
  'status.IMPEDED':
    'Votre attention est requise sur le site Web de cette institution. Ouvrez une session sur le site Web de {bank} et suivez les étapes pour régler le problème.',
  'status.RECONNECTED': 'Reconnexion à {bank}...',
  'status.DEGRADED': 'Nous améliorons cette connexion. Veuillez réessayer plus tard.',
  'status.DISCONNECTED':
    'Il semble que vos données de {bank} ne peuvent pas être importées. Nous travaillons à régler le problème.',
  'status.DISCONTINUED':
    'Les connexions à cette institution ne sont plus prises en charge. Vous pouvez créer un compte manuel et y saisir vos transactions.',
  'status.CLOSED':
    'Cette connexion a été fermée. Vous pouvez suivre ce compte manuellement. S’il est rouvert, vous pourrez connecter l’institution de nouveau.',
  'status.DELAYED': 'L’importation de vos données de {bank} peut prendre un certain temps. Revenez plus tard.',
  'status.FAILED':
    'Un problème est survenu lors de la validation de vos identifiants auprès de {bank}. Veuillez réessayer plus tard.',
  'status.UPDATED': 'Connexion à {bank}...',
  'status.DISABLED':
    'L’importation des données de cette institution est désactivée. Communiquez avec nous si vous croyez que c’est une erreur.',
  'status.IMPORTED':
    'Vous devez vous authentifier de nouveau avant que vos données puissent être importées. Entrez vos identifiants {bank}.',
  'status.RESUMED': 'Connexion à {bank}...',
  'status.EXPIRED': 'La ou les réponses n’ont pas été fournies à temps. Veuillez réessayer.',
  'status.IMPAIRED':
    'Vous devez vous authentifier de nouveau avant que vos données puissent être importées. Entrez vos identifiants {bank}.',
  'status.PENDING': 'En attente de la fin de votre connexion chez {bank}.',
  'status.MANUAL': '{bank} a été ajouté manuellement. Il n’est pas mis à jour automatiquement.',
  'status.UNKNOWN': 'Un problème est survenu pendant la connexion à {bank}. Veuillez réessayer.',

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
    'Pour votre sécurité, cette session est terminée. Fermez cette fenêtre et recommencez depuis l’application.',
  'error.crash': 'Cette étape a cessé de fonctionner. Vous pouvez revenir en arrière et réessayer.',
  'error.config': 'Ce widget a été ouvert avec un paramètre non valide : « {param} » {message}.',
  'error.embedding': 'Ce widget ne peut fonctionner que dans l’application qui l’a ouvert.',
};
