// Applies the reader's Related Content box order before the first paint. The article page is
// prerendered and the same for everyone (it must not read cookies, or it stops being cacheable),
// so the order cannot be rendered into the HTML per reader; instead this tiny blocking script,
// like /text-size.js, reads the cookie the sidebar writes (and refreshes from the server after
// sign-in) and sets one CSS `order` variable per box on <html>. The boxes sit in a flex column
// whose items take their `order` from these variables, so they paint in the saved order with no
// jump. Only known box ids, each once, are accepted (lib/related/box-order.ts holds the rule).
(function () {
  var known = ['see-also', 'by-topic', 'topics', 'pubmed'];
  var m = document.cookie.match(/(?:^|; )related-order=([a-z.-]+)/);
  if (!m) return;
  var ids = m[1].split('.');
  if (ids.length !== known.length) return;
  for (var i = 0; i < ids.length; i++) {
    if (known.indexOf(ids[i]) < 0 || ids.indexOf(ids[i]) !== i) return;
  }
  for (var j = 0; j < ids.length; j++) {
    document.documentElement.style.setProperty('--related-order-' + ids[j], String(j));
  }
})();
