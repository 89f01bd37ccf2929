/** The microdeposit flow's screens: one lazy chunk, with its API module and status table. */
export { MicrodepositForm } from '../features/microdeposits/MicrodepositForm';
export { MicrodepositStatusStep } from '../features/microdeposits/MicrodepositStatusStep';
