/**
 * Light / dark / system theme. The choice lives in localStorage; the effect is a `dark` class on
 * <html> (globals.css: `@custom-variant dark`). THEME_SCRIPT applies it in <head> before the first
 * paint (no light flash for dark users) and keeps following the OS while the choice is "system".
 */
export const THEME_CHOICES = ['light', 'dark', 'system'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_STORAGE_KEY = 'crdb-monitor.theme';
const CHANGE_EVENT = 'crdb-monitor:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

// Plain ES5 so it runs as-is in <head>; the same rule as applyTheme below.
export const THEME_SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},d=document.documentElement,m=window.matchMedia(${JSON.stringify(DARK_QUERY)});function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}var dk=t==='dark'||(t!=='light'&&m.matches);d.classList.toggle('dark',dk);d.style.colorScheme=dk?'dark':'light'}a();m.addEventListener('change',a);window.addEventListener('storage',function(e){if(e.key===k)a()});window.addEventListener(${JSON.stringify(CHANGE_EVENT)},a)}catch(e){}})()`;

function isChoice(x: string | null): x is ThemeChoice {
  return x !== null && (THEME_CHOICES as readonly string[]).includes(x);
}

export function readTheme(): ThemeChoice {
  try {
    const t = localStorage.getItem(THEME_STORAGE_KEY);
    return isChoice(t) ? t : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === 'dark' || (choice === 'system' && window.matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export function writeTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private mode or storage disabled: the theme still applies for this page.
  }
  applyTheme(choice);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** For useSyncExternalStore: this tab's changes and other tabs' (the storage event). */
export function subscribeTheme(onChange: () => void): () => void {
  const onStorage = (e: StorageEvent) => {
    if (e.key === THEME_STORAGE_KEY) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}
