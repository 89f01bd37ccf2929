/**
 * The screens about the user's accounts rather than one connection (your connections, disconnect,
 * manual accounts, help): one lazy chunk, loaded the first time any of them shows. Grouping them
 * keeps the first bundle's preload table, which lists every lazy chunk, short.
 */
export { ConnectionsStep } from '../features/connections/ConnectionsStep';
export { DisconnectStep } from '../features/connections/DisconnectStep';
export { DisconnectedStep } from '../features/connections/DisconnectedStep';
export { ManualAccountStep } from '../features/manualAccounts/ManualAccountStep';
export { ManualAccountAddedStep } from '../features/manualAccounts/ManualAccountAddedStep';
export { HelpStep } from '../features/help/HelpStep';
export { GetHelpButton } from '../features/help/GetHelpButton';
