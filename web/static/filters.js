// The filter and sort controls are folded on phones so the first entries show at once; on a wide screen there is
// room for them, so they start open. Without JavaScript they stay folded, one click away.
(function () {
  var box = document.querySelector('details.filter-box');
  if (box && window.matchMedia('(min-width: 48rem)').matches) box.open = true;
})();
