// Tells the server this browser's time zone, for readers who chose none on My Account: pages for
// one reader write their times in it from the next request on (lib/time-zone/get-reader-time-zone.ts,
// which checks the name). Not a reader cookie: the shared article page and its caches ignore it.
// Without JavaScript times stay in the journal's zone, which is named beside them.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The characters of IANA names only, all legal in a cookie value as they are.
    if (!zone || !/^[A-Za-z][A-Za-z0-9_+\-\/]{0,63}$/.test(zone)) return;
    var m = document.cookie.match(/(?:^|; )time-zone=([^;]*)/);
    if (m && m[1] === zone) return;
    var secure = location.protocol === 'https:' ? '; secure' : '';
    document.cookie = 'time-zone=' + zone + '; path=/; max-age=31536000; samesite=lax' + secure;
  } catch (e) {
    // An old browser without Intl time zones: the journal's zone it is.
  }
})();
