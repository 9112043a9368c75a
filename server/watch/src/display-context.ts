import { createContext, useContext } from 'react';
import { DEFAULT_VIEWER_DISPLAY, type ViewerDisplay } from '../../../common/viewer-display.js';

/**
 * Which overlay kinds the host lets viewers see (it rides in the show: `welcome`, then `show` on a
 * change; docs/phone-layout.md). Live.tsx provides the show's; elsewhere (a replay) everything shows.
 */
export const DisplayContext = createContext<ViewerDisplay>(DEFAULT_VIEWER_DISPLAY);
export const useDisplay = (): ViewerDisplay => useContext(DisplayContext);
