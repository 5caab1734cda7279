// folio's default theme script: small progressive enhancements only; every page works without it.
(function () {
  "use strict";
  // /metrics/: filter the figures table by subject, metric and free text. Runs again on
  // "folio:swap", when live preview has put a new version of the page in place.
  function enhance() {
    var form = document.querySelector(".metrics-filter");
    var table = document.getElementById("metrics");
    if (!form || !table) return;
    form.hidden = false;
    var selects = form.querySelectorAll("select");
    var search = form.querySelector("input[type=search]");
    var output = form.querySelector("output");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var text = search.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = Array.prototype.every.call(selects, function (s) {
          return !s.value || row.cells[+s.dataset.column].textContent === s.value;
        }) && (!text || row.textContent.toLowerCase().indexOf(text) !== -1);
        row.hidden = !ok;
        if (ok) shown++;
      });
      output.textContent = shown + " of " + rows.length;
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  enhance();
  document.addEventListener("folio:swap", enhance);
})();
