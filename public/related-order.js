// Applies the reader's Related Content layout (box order and hidden boxes) before the first
// paint. The article page is prerendered and the same for everyone (it must not read cookies, or
// it stops being cacheable), so the layout cannot be rendered into the HTML per reader; instead
// this tiny blocking script, like /text-size.js, reads the cookie the sidebar writes (and
// refreshes from the server after sign-in), sets one CSS `order` variable per box on <html>, and
// lists the hidden boxes in <html data-related-hidden="…">, which related.css uses to hide their
// bodies and show "Show" instead of "Hide". So the saved layout paints at once, with no jump or
// flash. Cookie: ids joined by ".", then optionally "~" and the hidden ids. Only known box ids,
// each once, are accepted (lib/related/box-order.ts holds the rule); anything else is ignored.
(function () {
  var known = ['see-also', 'by-topic', 'topics', 'pubmed'];
  var m = document.cookie.match(/(?:^|; )related-order=([a-z.~-]+)/);
  if (!m) return;
  var parts = m[1].split('~');
  if (parts.length > 2) return;
  var ids = parts[0].split('.');
  var hidden = parts[1] ? parts[1].split('.') : [];
  if (ids.length !== known.length) return;
  for (var i = 0; i < ids.length; i++) {
    if (known.indexOf(ids[i]) < 0 || ids.indexOf(ids[i]) !== i) return;
  }
  for (var h = 0; h < hidden.length; h++) {
    if (known.indexOf(hidden[h]) < 0 || hidden.indexOf(hidden[h]) !== h) return;
  }
  for (var j = 0; j < ids.length; j++) {
    document.documentElement.style.setProperty('--related-order-' + ids[j], String(j));
  }
  if (hidden.length) document.documentElement.setAttribute('data-related-hidden', hidden.join(' '));
})();
