import { mergeConfig } from 'vite';
import floor from '../floor/vite.config';

/** The stack floor's build: the floor's (scripts/bench/floor/vite.config.ts), from this folder. */
export default mergeConfig(floor, { root: import.meta.dirname });
