// Tells the server this browser's time zone, for readers who chose none on My Account: pages for
// one reader write their times in it (lib/time-zone/get-reader-time-zone.ts, which checks the
// name). A page that already wrote them in the journal's zone for want of it (it carries
// data-time-zone-fallback) is loaded once more as soon as the cookie is set. Not a reader cookie:
// the shared article page and its caches ignore it. Without JavaScript times stay in the journal's
// zone, which is named beside them.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The characters of IANA names only, all legal in a cookie value as they are.
    if (!zone || !/^[A-Za-z][A-Za-z0-9_+\-\/]{0,63}$/.test(zone)) return;
    var pattern = /(?:^|; )time-zone=([^;]*)/;
    var m = document.cookie.match(pattern);
    if (m && m[1] === zone) return;
    var secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = 'time-zone=' + zone + '; path=/; max-age=31536000; samesite=lax' + secure;
    // Only when the cookie took (never a reload loop where cookies are refused), and only once:
    // the next time this runs, the cookie already names the zone.
    m = document.cookie.match(pattern);
    if (!m || m[1] !== zone || /^(Etc\/)?(UTC|GMT)$/.test(zone)) return;
    var reloadIfFallback = function () {
      if (document.querySelector('[data-time-zone-fallback]')) location.reload();
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reloadIfFallback);
    else reloadIfFallback();
  } catch (e) {
    // An old browser without Intl time zones: the journal's zone it is.
  }
})();
