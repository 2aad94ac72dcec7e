/** The alert contract lives with the other response shapes (lib/api/types/alerts.ts); the alert modules import it from here. */
export * from '../api/types/alerts';
