'use strict';
/**
 * Where the pages get office.js and the Content-Security-Policy that goes with it, for webpack.config.js (the
 * templates' parameters) and for test/security.test.ts (which renders the templates the same way). No dependencies.
 */
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_DIR = 'office-js';

/**
 * local: the intranet build (office.js from the add-in's own origin). The policy is one line so that the tests
 * can read it back; only the script and connect sources change between the two builds.
 */
function officeJsSetup(local) {
  const office = local ? '' : ' https://appsforoffice.microsoft.com';
  const csp =
    `default-src 'self'; script-src 'self'${office}; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; ` +
    `connect-src 'self'${office}; object-src 'none'; base-uri 'self'; form-action 'none'`;
  return { officeJs: local ? `${LOCAL_OFFICE_DIR}/office.js` : CDN_OFFICE_JS, csp };
}

module.exports = { CDN_OFFICE_JS, LOCAL_OFFICE_DIR, officeJsSetup };
