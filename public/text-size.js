// Applies the reader's stored text size before the first paint, so cached pages that are the
// same for everyone still open at the reader's size with no flash (see components/article/text-size-control.tsx).
(function () {
  var m = document.cookie.match(/(?:^|; )text-size=(small|medium|large)/);
  document.documentElement.setAttribute('data-text-size', m ? m[1] : 'medium');
})();
