/* Plain ES5 (and safe in older engines), loaded before everything else.

   The pane's code is compiled to ES5 with polyfills, so it runs in the old web views Office still uses on Windows:
   Internet Explorer 11 (Trident: Office 2016/2019 volume-licensed) and Edge Legacy (EdgeHTML: Office 2016/2019
   retail without WebView2). This script marks them on <html> for taskpane.css (html.ie: no CSS variables, no
   grid; html.old-webview: no gap in flex layouts, no :focus-visible) and refuses only what cannot work:
   - an engine older than IE 11 (IE 11 in a compatibility document mode, or no ES5 built-ins);
   - a pane whose code did not start (it marks <html data-pane="loaded"> once evaluated): checked at window load,
     when every deferred script has run, so a script error in some web view shows a message, not a dead pane. */
(function () {
  var root = document.documentElement;
  var ua = navigator.userAgent;
  var trident = /Trident\/|MSIE /.test(ua);
  var edgeHtml = /\bEdge\/\d/.test(ua);
  if (trident) root.className += ' ie';
  if (trident || edgeHtml) root.className += ' old-webview';

  var tooOld;
  try {
    tooOld =
      (document.documentMode && document.documentMode < 11) ||
      typeof JSON !== 'object' ||
      typeof Object.defineProperty !== 'function' ||
      typeof Object.create !== 'function' ||
      typeof Function.prototype.bind !== 'function' ||
      typeof Array.prototype.forEach !== 'function' ||
      typeof document.querySelector === 'undefined' ||
      typeof document.addEventListener !== 'function' ||
      typeof window.getComputedStyle !== 'function';
  } catch (e) {
    tooOld = true;
  }

  function on(target, type, handler) {
    if (target.addEventListener) target.addEventListener(type, handler, false);
    else if (target.attachEvent) target.attachEvent('on' + type, handler);
  }

  function show() {
    if (root.className.indexOf(' legacy') < 0) root.className += ' legacy';
    var box = document.getElementById('unsupported');
    if (box) box.removeAttribute('hidden');
    var main = document.getElementById('app');
    if (main) main.setAttribute('hidden', '');
  }

  if (tooOld) {
    if (document.readyState === 'loading') on(document, 'DOMContentLoaded', show);
    else show();
    on(window, 'load', show);
    return;
  }
  on(window, 'load', function () {
    if (root.getAttribute('data-pane') !== 'loaded') show();
  });
})();
