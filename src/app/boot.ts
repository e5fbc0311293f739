/** Imported first by main.tsx: starts loading before the rest of the bundle (React, the panels) has even run. */
import { startLoad } from './early-load';

startLoad();
