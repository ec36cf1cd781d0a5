/** Debian's Chromium, never a downloaded one, with the flags this closed network needs. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  // Without these Chromium keeps trying to reach Google's hosts, which this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
