/* Dossier: make every data table sortable (tablesort is vendored beside this file). */
(function () {
  function init() {
    document.querySelectorAll("article table").forEach(function (table) {
      if (table.tHead && table.tHead.rows.length && !table.dataset.dossierSortable) {
        table.dataset.dossierSortable = "1";
        new Tablesort(table);
      }
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(init); }
  else if (document.readyState !== "loading") { init(); }
  else { document.addEventListener("DOMContentLoaded", init); }
})();
