/* Plain ES5, loaded before everything else. Some Office versions show add-ins in Internet Explorer 11 (Trident:
   Office 2016/2019 volume-licensed) or Microsoft Edge Legacy (EdgeHTML: Office 2016/2019 retail and older
   Microsoft 365 builds without WebView2). Neither runs the pane's ES2019 code, so say so in Chinese instead of
   showing a dead pane. Feature tests, not only the user agent: what matters is what the engine uses. */
(function () {
  var legacy = /Trident\/|MSIE /.test(navigator.userAgent);
  if (!legacy) {
    try {
      legacy =
        typeof Promise === 'undefined' ||
        typeof Object.fromEntries !== 'function' ||
        typeof Array.prototype.flatMap !== 'function' ||
        !new RegExp('a.b', 's').test('a\nb');
    } catch (e) {
      legacy = true;
    }
  }
  if (!legacy) return;
  document.documentElement.className += ' legacy';
  function show() {
    var box = document.getElementById('unsupported');
    if (box) box.removeAttribute('hidden');
    var main = document.getElementById('app');
    if (main) main.setAttribute('hidden', '');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
})();
