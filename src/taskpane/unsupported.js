/* Plain ES5, loaded before everything else: Office 2016/2019 on Windows show add-ins in Internet Explorer 11,
   which cannot run the pane's code. Say so in Chinese instead of showing a dead pane. */
(function () {
  var legacy = /Trident\/|MSIE /.test(navigator.userAgent) || typeof Promise === 'undefined' || !Array.prototype.includes;
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
